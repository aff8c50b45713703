/**
 * The 55 districts of Madhya Pradesh (2024): canonical id, names and district HQ.
 * HQ coordinates are the HQ town's centre (GeoNames where it has the town; checked in tests against
 * the compacted GeoNames town file). `aliases` hold old names, HQ names and common spellings.
 */
export interface District {
  id: string;
  name: string;
  nameHi: string;
  hq: string;
  lat: number;
  lon: number;
  aliases: string[];
}

type Row = [id: string, name: string, nameHi: string, hq: string, lat: number, lon: number, aliases: string[]];

const ROWS: Row[] = [
  ['agar-malwa', 'Agar Malwa', 'आगर मालवा', 'Agar', 23.7118, 76.0157, ['Agar', 'Agar-Malwa', 'आगर']],
  ['alirajpur', 'Alirajpur', 'अलीराजपुर', 'Alirajpur', 22.3039, 74.3557, ['Ali Rajpur', 'Alirajpur']],
  ['anuppur', 'Anuppur', 'अनूपपुर', 'Anuppur', 23.1034, 81.6908, ['Anupur']],
  ['ashoknagar', 'Ashoknagar', 'अशोकनगर', 'Ashoknagar', 24.5758, 77.7312, ['Ashok Nagar']],
  ['balaghat', 'Balaghat', 'बालाघाट', 'Balaghat', 21.8156, 80.1885, ['Balaghaat']],
  ['barwani', 'Barwani', 'बड़वानी', 'Barwani', 22.0323, 74.8998, ['Badwani', 'Barwaani', 'बडवानी']],
  ['betul', 'Betul', 'बैतूल', 'Betul', 21.9006, 77.9023, ['Baitul']],
  ['bhind', 'Bhind', 'भिंड', 'Bhind', 26.5667, 78.7873, ['भिण्ड']],
  ['bhopal', 'Bhopal', 'भोपाल', 'Bhopal', 23.2547, 77.4029, []],
  ['burhanpur', 'Burhanpur', 'बुरहानपुर', 'Burhanpur', 21.3087, 76.2303, []],
  ['chhatarpur', 'Chhatarpur', 'छतरपुर', 'Chhatarpur', 24.9177, 79.5887, ['Chatarpur', 'Chhattarpur']],
  ['chhindwara', 'Chhindwara', 'छिंदवाड़ा', 'Chhindwara', 22.057, 78.9396, ['Chindwara', 'छिन्दवाड़ा']],
  ['damoh', 'Damoh', 'दमोह', 'Damoh', 23.8331, 79.4419, []],
  ['datia', 'Datia', 'दतिया', 'Datia', 25.6731, 78.4591, ['Datiya']],
  ['dewas', 'Dewas', 'देवास', 'Dewas', 22.9659, 76.0553, []],
  ['dhar', 'Dhar', 'धार', 'Dhar', 22.5937, 75.2977, []],
  ['dindori', 'Dindori', 'डिंडौरी', 'Dindori', 22.9414, 81.0798, ['Dindauri', 'डिंडोरी']],
  ['guna', 'Guna', 'गुना', 'Guna', 24.6469, 77.3113, []],
  ['gwalior', 'Gwalior', 'ग्वालियर', 'Gwalior', 26.2298, 78.1734, []],
  ['harda', 'Harda', 'हरदा', 'Harda', 22.3441, 77.0954, []],
  ['indore', 'Indore', 'इंदौर', 'Indore', 22.7179, 75.8333, ['इन्दौर']],
  ['jabalpur', 'Jabalpur', 'जबलपुर', 'Jabalpur', 23.167, 79.9501, ['Jubbulpore']],
  ['jhabua', 'Jhabua', 'झाबुआ', 'Jhabua', 22.7677, 74.5909, []],
  ['katni', 'Katni', 'कटनी', 'Katni', 23.8378, 80.3941, ['Murwara', 'Katni Murwara', 'मुड़वारा']],
  ['khandwa', 'Khandwa', 'खंडवा', 'Khandwa', 21.8243, 76.3509, ['East Nimar', 'Purvi Nimar', 'Khandwa (East Nimar)', 'पूर्वी निमाड़', 'खण्डवा']],
  [
    'khargone',
    'Khargone',
    'खरगोन',
    'Khargone',
    21.8229,
    75.6139,
    ['Khargon', 'West Nimar', 'Pashchim Nimar', 'Khargone (West Nimar)', 'पश्चिमी निमाड़'],
  ],
  ['maihar', 'Maihar', 'मैहर', 'Maihar', 24.2659, 80.7606, []],
  ['mandla', 'Mandla', 'मंडला', 'Mandla', 22.5988, 80.3712, ['मण्डला']],
  ['mandsaur', 'Mandsaur', 'मंदसौर', 'Mandsaur', 24.0718, 75.0699, ['Mandsor', 'Mandasor', 'Dashpur', 'मन्दसौर']],
  ['mauganj', 'Mauganj', 'मऊगंज', 'Mauganj', 24.6672, 81.8734, []],
  ['morena', 'Morena', 'मुरैना', 'Morena', 26.4989, 77.9953, ['Murena', 'Moraina']],
  ['narmadapuram', 'Narmadapuram', 'नर्मदापुरम', 'Narmadapuram', 22.7475, 77.7274, ['Hoshangabad', 'होशंगाबाद']],
  ['narsinghpur', 'Narsinghpur', 'नरसिंहपुर', 'Narsinghpur', 22.9494, 79.1836, ['Narsimhapur', 'Narsingpur']],
  ['neemuch', 'Neemuch', 'नीमच', 'Neemuch', 24.4764, 74.8624, ['Nimach']],
  ['niwari', 'Niwari', 'निवाड़ी', 'Niwari', 25.3706, 78.8, ['निवारी']],
  ['pandhurna', 'Pandhurna', 'पांढुर्णा', 'Pandhurna', 21.5956, 78.5263, ['Pandhurana']],
  ['panna', 'Panna', 'पन्ना', 'Panna', 24.7209, 80.1877, []],
  ['raisen', 'Raisen', 'रायसेन', 'Raisen', 23.3303, 77.7811, []],
  ['rajgarh', 'Rajgarh', 'राजगढ़', 'Rajgarh', 24.0083, 76.7325, ['Rajgarh (Biaora)']],
  ['ratlam', 'Ratlam', 'रतलाम', 'Ratlam', 23.3303, 75.0403, ['Rutlam']],
  ['rewa', 'Rewa', 'रीवा', 'Rewa', 24.5326, 81.2923, []],
  ['sagar', 'Sagar', 'सागर', 'Sagar', 23.8388, 78.7378, ['Saugor', 'Saugar']],
  ['satna', 'Satna', 'सतना', 'Satna', 24.5773, 80.8272, []],
  ['sehore', 'Sehore', 'सीहोर', 'Sehore', 23.2, 77.0833, []],
  ['seoni', 'Seoni', 'सिवनी', 'Seoni', 22.085, 79.5504, ['Shivni']],
  ['shahdol', 'Shahdol', 'शहडोल', 'Shahdol', 23.2936, 81.3619, []],
  ['shajapur', 'Shajapur', 'शाजापुर', 'Shajapur', 23.4264, 76.2778, []],
  ['sheopur', 'Sheopur', 'श्योपुर', 'Sheopur', 25.6647, 76.6962, ['Sheopur Kalan', 'Shyopur']],
  ['shivpuri', 'Shivpuri', 'शिवपुरी', 'Shivpuri', 25.4238, 77.6622, []],
  ['sidhi', 'Sidhi', 'सीधी', 'Sidhi', 24.4038, 81.8795, []],
  ['singrauli', 'Singrauli', 'सिंगरौली', 'Waidhan', 24.0866, 82.6469, ['Waidhan', 'Baidhan', 'वैढ़न']],
  ['tikamgarh', 'Tikamgarh', 'टीकमगढ़', 'Tikamgarh', 24.7433, 78.8306, []],
  ['ujjain', 'Ujjain', 'उज्जैन', 'Ujjain', 23.1824, 75.7764, []],
  ['umaria', 'Umaria', 'उमरिया', 'Umaria', 23.5247, 80.8372, []],
  ['vidisha', 'Vidisha', 'विदिशा', 'Vidisha', 23.526, 77.8109, ['Bhilsa']],
];

export const MP_DISTRICTS: readonly District[] = ROWS.map(([id, name, nameHi, hq, lat, lon, aliases]) => ({
  id,
  name,
  nameHi,
  hq,
  lat,
  lon,
  aliases,
}));

export const DISTRICT_BY_ID: ReadonlyMap<string, District> = new Map(MP_DISTRICTS.map((d) => [d.id, d]));
