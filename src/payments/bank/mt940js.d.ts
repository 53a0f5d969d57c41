/** The part of mt940js (no bundled types) the statement import uses; see its README. */
declare module 'mt940js' {
  export interface Mt940Transaction {
    date: Date;
    /** Signed: credit +, debit −. A JS number: converted to a decimal string at once by the caller. */
    amount: number;
    isReversal: boolean;
    currency: string;
    details: string;
    reference: string;
    bankReference: string;
  }
  export interface Mt940Statement {
    currency: string;
    transactions: Mt940Transaction[];
  }
  export class Parser {
    parse(data: string, withTags?: boolean): Mt940Statement[];
  }
}
