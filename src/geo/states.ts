/** States and union territories of India: ISO 3166-2 codes (2023 edition) and GeoNames admin1 codes. */
export interface State {
  code: string;
  name: string;
  nameHi: string;
  kind: 'state' | 'ut';
  geonamesAdmin1: string;
  aliases: string[];
}

type Row = [code: string, name: string, nameHi: string, kind: 'state' | 'ut', admin1: string, aliases: string[]];

const ROWS: Row[] = [
  ['IN-AP', 'Andhra Pradesh', 'आंध्र प्रदेश', 'state', '02', ['AP']],
  ['IN-AR', 'Arunachal Pradesh', 'अरुणाचल प्रदेश', 'state', '30', []],
  ['IN-AS', 'Assam', 'असम', 'state', '03', []],
  ['IN-BR', 'Bihar', 'बिहार', 'state', '34', []],
  ['IN-CG', 'Chhattisgarh', 'छत्तीसगढ़', 'state', '37', ['Chattisgarh', 'CG', 'IN-CT']],
  ['IN-GA', 'Goa', 'गोवा', 'state', '33', []],
  ['IN-GJ', 'Gujarat', 'गुजरात', 'state', '09', ['Gujrat']],
  ['IN-HR', 'Haryana', 'हरियाणा', 'state', '10', []],
  ['IN-HP', 'Himachal Pradesh', 'हिमाचल प्रदेश', 'state', '11', ['HP']],
  ['IN-JH', 'Jharkhand', 'झारखंड', 'state', '38', []],
  ['IN-KA', 'Karnataka', 'कर्नाटक', 'state', '19', []],
  ['IN-KL', 'Kerala', 'केरल', 'state', '13', []],
  ['IN-MP', 'Madhya Pradesh', 'मध्य प्रदेश', 'state', '35', ['MP']],
  ['IN-MH', 'Maharashtra', 'महाराष्ट्र', 'state', '16', []],
  ['IN-MN', 'Manipur', 'मणिपुर', 'state', '17', []],
  ['IN-ML', 'Meghalaya', 'मेघालय', 'state', '18', []],
  ['IN-MZ', 'Mizoram', 'मिज़ोरम', 'state', '31', []],
  ['IN-NL', 'Nagaland', 'नागालैंड', 'state', '20', []],
  ['IN-OD', 'Odisha', 'ओडिशा', 'state', '21', ['Orissa', 'IN-OR']],
  ['IN-PB', 'Punjab', 'पंजाब', 'state', '23', []],
  ['IN-RJ', 'Rajasthan', 'राजस्थान', 'state', '24', []],
  ['IN-SK', 'Sikkim', 'सिक्किम', 'state', '29', []],
  ['IN-TN', 'Tamil Nadu', 'तमिलनाडु', 'state', '25', []],
  ['IN-TS', 'Telangana', 'तेलंगाना', 'state', '40', ['IN-TG']],
  ['IN-TR', 'Tripura', 'त्रिपुरा', 'state', '26', []],
  ['IN-UP', 'Uttar Pradesh', 'उत्तर प्रदेश', 'state', '36', ['UP']],
  ['IN-UK', 'Uttarakhand', 'उत्तराखंड', 'state', '39', ['Uttaranchal', 'IN-UT']],
  ['IN-WB', 'West Bengal', 'पश्चिम बंगाल', 'state', '28', []],
  ['IN-AN', 'Andaman and Nicobar Islands', 'अंडमान और निकोबार द्वीपसमूह', 'ut', '01', ['Andaman and Nicobar']],
  ['IN-CH', 'Chandigarh', 'चंडीगढ़', 'ut', '05', []],
  [
    'IN-DH',
    'Dadra and Nagar Haveli and Daman and Diu',
    'दादरा और नगर हवेली और दमन और दीव',
    'ut',
    '52',
    ['Daman and Diu', 'Dadra and Nagar Haveli', 'IN-DD', 'IN-DN'],
  ],
  ['IN-DL', 'Delhi', 'दिल्ली', 'ut', '07', ['NCT of Delhi', 'New Delhi']],
  ['IN-JK', 'Jammu and Kashmir', 'जम्मू और कश्मीर', 'ut', '12', ['J&K', 'Jammu & Kashmir']],
  ['IN-LA', 'Ladakh', 'लद्दाख', 'ut', '41', []],
  ['IN-LD', 'Lakshadweep', 'लक्षद्वीप', 'ut', '14', []],
  ['IN-PY', 'Puducherry', 'पुदुच्चेरी', 'ut', '22', ['Pondicherry']],
];

export const STATES: readonly State[] = ROWS.map(([code, name, nameHi, kind, geonamesAdmin1, aliases]) => ({
  code,
  name,
  nameHi,
  kind,
  geonamesAdmin1,
  aliases,
}));

export const STATE_BY_CODE: ReadonlyMap<string, State> = new Map(STATES.map((s) => [s.code, s]));

export const HOME_STATE = 'IN-MP';
