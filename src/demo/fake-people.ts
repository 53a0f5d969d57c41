import type { SeededRandom } from './seeded-random.js';

const SURNAMES = ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Zhao', 'Huang', 'Zhou', 'Wu', 'Xu', 'Sun', 'Ma', 'Zhu', 'Hu', 'Guo'];
const GIVEN_SYLLABLES = ['an', 'bo', 'chen', 'fang', 'hui', 'jie', 'lan', 'ming', 'ning', 'qiang', 'rui', 'shan', 'ting', 'wei', 'xin', 'yu', 'zhi'];
const EMPLOYERS = ['Harbour Logistics', 'Jade River Foods', 'Northwind Textiles', 'Summit Clinic', 'Blue Kite Software', 'Lotus Retail', 'City Transit', 'Self-employed'];

export interface FakePerson {
  name: string;
  nationalId: string;
  phone: string;
  email: string;
  monthlyIncome: string;
  employer: string;
  employmentMonths: number;
  bankAccount: string;
}

/**
 * An invented borrower. Names are assembled from common syllables; identifiers are made to be
 * recognisably fake (national ids start DEMO, phones use the unassigned +86 100 range, e-mail
 * is on example.com), so no real person's details can ever be produced.
 */
export function fakePerson(random: SeededRandom, index: number): FakePerson {
  const given = `${random.pick(GIVEN_SYLLABLES)}${random.pick(GIVEN_SYLLABLES)}`;
  const surname = random.pick(SURNAMES);
  const name = `${surname} ${given[0]!.toUpperCase()}${given.slice(1)}`;
  const serial = String(index).padStart(8, '0');
  return {
    name,
    nationalId: `DEMO${serial}${random.int(1000, 9999)}`,
    phone: `+86 100 ${random.int(1000, 9999)} ${serial.slice(-4)}`,
    email: `${given}.${surname.toLowerCase()}.${index}@example.com`,
    monthlyIncome: `${random.int(60, 400) * 100}.00`,
    employer: random.pick(EMPLOYERS),
    employmentMonths: random.int(3, 180),
    bankAccount: `DEMO-6222${serial}${random.int(1000, 9999)}`,
  };
}
