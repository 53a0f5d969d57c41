/**
 * The credit assessment as the approver reads it (QA 12 W11): its card, and the scorecard's reason
 * codes (src/domain/risk/scorecard.ts, assess.ts) worded for each band. Spread into the two
 * catalogs (en-US keys are the type); the server's own English sentence, with the value it saw
 * (never the income: the card shows it on its own line), shows beside.
 */
export const creditEn = {
  'credit.title': 'Credit assessment', 'credit.none': 'Not assessed yet', 'credit.score': 'Score', 'credit.grade': 'Grade', 'credit.decision': 'Scorecard recommends',
  'credit.scorecard': 'Scorecard version', 'credit.assessedAt': 'Assessed', 'credit.assessedBy': 'Assessed by', 'credit.reasons': 'Reasons',
  'credit.monthlyIncome': 'Monthly income assessed',
  'credit.reason': 'Reason', 'credit.points': 'Points', 'credit.detail': 'As the scorecard saw it',
  'credit.reason.INCOME_LOW': 'Low monthly income', 'credit.reason.INCOME_MODERATE': 'Moderate monthly income', 'credit.reason.INCOME_GOOD': 'Good monthly income',
  'credit.reason.INCOME_HIGH': 'High monthly income', 'credit.reason.DTI_LOW': 'Low debt-to-income', 'credit.reason.DTI_MODERATE': 'Moderate debt-to-income',
  'credit.reason.DTI_HIGH': 'High debt-to-income', 'credit.reason.DTI_EXCESSIVE': 'Excessive debt-to-income (knock-out)',
  'credit.reason.EMPLOYMENT_SHORT': 'Employed under 6 months', 'credit.reason.EMPLOYMENT_MODERATE': 'Employed under 2 years',
  'credit.reason.EMPLOYMENT_STABLE': 'Employed under 5 years', 'credit.reason.EMPLOYMENT_LONG': 'Employed 5 years or more',
  'credit.reason.NO_EXISTING_LOANS': 'No other loans with us', 'credit.reason.EXISTING_LOANS_FEW': 'A few other loans with us', 'credit.reason.EXISTING_LOANS_MANY': 'Many other loans with us',
  'credit.reason.NO_ARREARS': 'Never past due with us', 'credit.reason.ARREARS_MINOR': 'Past due up to 30 days before', 'credit.reason.ARREARS_SERIOUS': 'Past due up to 90 days before',
  'credit.reason.ARREARS_DEFAULT': 'Past due over 90 days before (knock-out)', 'credit.reason.KYC_RECENT': 'KYC verified under 30 days ago',
  'credit.reason.KYC_ESTABLISHED': 'KYC verified under a year ago', 'credit.reason.KYC_LONGSTANDING': 'KYC verified a year ago or more',
  'credit.reason.KYC_UNVERIFIED': 'KYC not verified yet (income and employment as stated by the borrower)',
} as const;

export const creditZh: Record<keyof typeof creditEn, string> = {
  'credit.title': '信用评估', 'credit.none': '尚未进行信用评估', 'credit.score': '评分', 'credit.grade': '等级', 'credit.decision': '评分卡建议',
  'credit.scorecard': '评分卡版本', 'credit.assessedAt': '评估时间', 'credit.assessedBy': '评估人', 'credit.reasons': '评分依据',
  'credit.monthlyIncome': '评估所用月收入',
  'credit.reason': '依据', 'credit.points': '分值', 'credit.detail': '评分卡所见',
  'credit.reason.INCOME_LOW': '月收入偏低', 'credit.reason.INCOME_MODERATE': '月收入中等', 'credit.reason.INCOME_GOOD': '月收入较高',
  'credit.reason.INCOME_HIGH': '月收入高', 'credit.reason.DTI_LOW': '负债收入比低', 'credit.reason.DTI_MODERATE': '负债收入比中等',
  'credit.reason.DTI_HIGH': '负债收入比偏高', 'credit.reason.DTI_EXCESSIVE': '负债收入比过高（一票否决）',
  'credit.reason.EMPLOYMENT_SHORT': '在职不足 6 个月', 'credit.reason.EMPLOYMENT_MODERATE': '在职不足 2 年',
  'credit.reason.EMPLOYMENT_STABLE': '在职不足 5 年', 'credit.reason.EMPLOYMENT_LONG': '在职 5 年及以上',
  'credit.reason.NO_EXISTING_LOANS': '在本机构无其他贷款', 'credit.reason.EXISTING_LOANS_FEW': '在本机构另有少量贷款', 'credit.reason.EXISTING_LOANS_MANY': '在本机构另有多笔贷款',
  'credit.reason.NO_ARREARS': '在本机构从未逾期', 'credit.reason.ARREARS_MINOR': '曾逾期不超过 30 天', 'credit.reason.ARREARS_SERIOUS': '曾逾期不超过 90 天',
  'credit.reason.ARREARS_DEFAULT': '曾逾期超过 90 天（一票否决）', 'credit.reason.KYC_RECENT': '实名认证不足 30 天',
  'credit.reason.KYC_ESTABLISHED': '实名认证不足 1 年', 'credit.reason.KYC_LONGSTANDING': '实名认证 1 年及以上',
  'credit.reason.KYC_UNVERIFIED': '实名认证尚未通过（收入与工作为本人申报）',
};
