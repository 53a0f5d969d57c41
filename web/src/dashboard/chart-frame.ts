/**
 * Legend and plot area of the dashboard's axis charts. ECharts 6 puts the legend at the bottom by default,
 * where on a phone its wrapped rows covered the month labels of the x axis: the legend is one scrolling line
 * at the bottom, and the plot keeps the room it needs above it (its labels included).
 */
export const AXIS_CHART_FRAME = {
  legend: { type: 'scroll', bottom: 0 },
  grid: { containLabel: true, left: 8, right: 8, bottom: 36 },
} as const;
