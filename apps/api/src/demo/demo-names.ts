/**
 * Names and languages of the demo people, by region, and the languages spoken in each demo city.
 * Most people at a centre come from its region; some from elsewhere (as in any Indian city).
 */
export interface DemoRegion {
  language: string;
  female: readonly string[];
  male: readonly string[];
  surnames: readonly string[];
}

export const REGIONS = {
  karnataka: {
    language: 'Kannada',
    female: ['Ananya', 'Kavya', 'Deepa', 'Sahana', 'Shwetha', 'Pooja', 'Rashmi', 'Vidya', 'Sindhu', 'Bhavana', 'Spoorthi', 'Nandini'],
    male: ['Karthik', 'Praveen', 'Manjunath', 'Raghavendra', 'Suresh', 'Vinay', 'Harish', 'Naveen', 'Prashanth', 'Girish', 'Sandeep', 'Chetan'],
    surnames: ['Rao', 'Hegde', 'Shetty', 'Gowda', 'Bhat', 'Murthy', 'Nayak', 'Kamath', 'Acharya', 'Shenoy', 'Prabhu', 'Kulkarni'],
  },
  maharashtra: {
    language: 'Marathi',
    female: ['Aditi', 'Sayali', 'Madhura', 'Prajakta', 'Rutuja', 'Snehal', 'Ketaki', 'Gauri', 'Mrunal', 'Ashwini', 'Shruti', 'Tejaswini'],
    male: ['Aniket', 'Omkar', 'Sagar', 'Tushar', 'Nikhil', 'Amol', 'Rohit', 'Shantanu', 'Kedar', 'Sameer', 'Ajinkya', 'Mandar'],
    surnames: ['Deshpande', 'Kulkarni', 'Patil', 'Joshi', 'Gokhale', 'Kale', 'Pawar', 'Shinde', 'Apte', 'Bhosale', 'Deshmukh', 'Sawant'],
  },
  north: {
    language: 'Hindi',
    female: ['Priya', 'Neha', 'Anjali', 'Shalini', 'Ritu', 'Pooja', 'Swati', 'Nidhi', 'Megha', 'Sonal', 'Aarti', 'Kritika'],
    male: ['Rahul', 'Amit', 'Vikas', 'Rajesh', 'Sanjay', 'Ankit', 'Gaurav', 'Manish', 'Abhishek', 'Varun', 'Deepak', 'Saurabh'],
    surnames: ['Sharma', 'Verma', 'Gupta', 'Singh', 'Malhotra', 'Kapoor', 'Agarwal', 'Chopra', 'Mehra', 'Saxena', 'Arora', 'Khanna'],
  },
  tamil: {
    language: 'Tamil',
    female: ['Lakshmi', 'Divya', 'Meenakshi', 'Priyanka', 'Revathi', 'Gayathri', 'Janani', 'Keerthana', 'Nithya', 'Sangeetha', 'Aishwarya', 'Vaishnavi'],
    male: ['Arun', 'Karthikeyan', 'Senthil', 'Vignesh', 'Balaji', 'Ramesh', 'Saravanan', 'Prakash', 'Dinesh', 'Ganesh', 'Murali', 'Ashwin'],
    surnames: ['Iyer', 'Subramanian', 'Krishnan', 'Rajan', 'Natarajan', 'Venkatesan', 'Sundaram', 'Raghavan', 'Srinivasan', 'Balasubramanian', 'Ramaswamy', 'Chandrasekaran'],
  },
  telugu: {
    language: 'Telugu',
    female: ['Sravani', 'Lavanya', 'Harika', 'Sirisha', 'Swapna', 'Mounika', 'Bhargavi', 'Keerthi', 'Sowmya', 'Pavani', 'Deepika', 'Sruthi'],
    male: ['Srinivas', 'Venkat', 'Ravi', 'Kiran', 'Chaitanya', 'Mahesh', 'Anil', 'Sai', 'Pavan', 'Rakesh', 'Vamsi', 'Krishna'],
    surnames: ['Reddy', 'Naidu', 'Rao', 'Chowdary', 'Varma', 'Prasad', 'Murthy', 'Raju', 'Goud', 'Yadav', 'Sastry', 'Kumar'],
  },
  bengal: {
    language: 'Bengali',
    female: ['Ananya', 'Moumita', 'Sreya', 'Debjani', 'Rituparna', 'Sohini', 'Tanushree', 'Arpita', 'Paromita', 'Sudeshna', 'Ishita', 'Payel'],
    male: ['Arijit', 'Sourav', 'Debashis', 'Indranil', 'Subhajit', 'Anirban', 'Sayan', 'Rajdeep', 'Tanmoy', 'Abhijit', 'Kaushik', 'Partha'],
    surnames: ['Banerjee', 'Chatterjee', 'Mukherjee', 'Das', 'Ghosh', 'Bose', 'Sen', 'Roy', 'Dutta', 'Chakraborty', 'Bhattacharya', 'Sarkar'],
  },
  gujarat: {
    language: 'Gujarati',
    female: ['Hetal', 'Krupa', 'Nisha', 'Dhara', 'Jinal', 'Riddhi', 'Bhumi', 'Foram', 'Komal', 'Urvi', 'Khushbu', 'Mansi'],
    male: ['Jignesh', 'Hardik', 'Chirag', 'Bhavesh', 'Nilesh', 'Kunal', 'Parth', 'Harsh', 'Mehul', 'Tejas', 'Dhaval', 'Ketan'],
    surnames: ['Patel', 'Shah', 'Mehta', 'Desai', 'Parikh', 'Trivedi', 'Modi', 'Vyas', 'Pandya', 'Dave', 'Thakkar', 'Bhatt'],
  },
  rajasthan: {
    language: 'Hindi',
    female: ['Pooja', 'Sunita', 'Kavita', 'Mamta', 'Rekha', 'Anita', 'Shweta', 'Jyoti', 'Payal', 'Garima', 'Ruchi', 'Manisha'],
    male: ['Mahendra', 'Vikram', 'Surendra', 'Rajendra', 'Arvind', 'Yogesh', 'Dinesh', 'Hemant', 'Lokesh', 'Naresh', 'Bharat', 'Kamal'],
    surnames: ['Rathore', 'Shekhawat', 'Sharma', 'Meena', 'Jain', 'Agarwal', 'Choudhary', 'Purohit', 'Bhandari', 'Mathur', 'Sisodia', 'Joshi'],
  },
  kerala: {
    language: 'Malayalam',
    female: ['Anjali', 'Aswathy', 'Lekshmi', 'Reshma', 'Sreeja', 'Divya', 'Nimisha', 'Athira', 'Parvathy', 'Neethu', 'Remya', 'Anu'],
    male: ['Arjun', 'Vishnu', 'Rahul', 'Sreejith', 'Anoop', 'Jithin', 'Akhil', 'Nikhil', 'Sajan', 'Biju', 'Rajeev', 'Midhun'],
    surnames: ['Nair', 'Menon', 'Pillai', 'Kurian', 'Thomas', 'Varghese', 'Panicker', 'Warrier', 'Namboothiri', 'Mathew', 'Joseph', 'Kurup'],
  },
} satisfies Record<string, DemoRegion>;
export type RegionKey = keyof typeof REGIONS;

export interface DemoCity {
  region: RegionKey;
  /** Spoken by (nearly) everyone who works there, besides English. */
  languages: readonly string[];
  /** Often spoken too. */
  alsoHeard: readonly string[];
}

export const CITIES: Record<string, DemoCity> = {
  Bengaluru: { region: 'karnataka', languages: ['Kannada'], alsoHeard: ['Hindi', 'Tamil', 'Telugu'] },
  Mumbai: { region: 'maharashtra', languages: ['Marathi', 'Hindi'], alsoHeard: ['Gujarati'] },
  Pune: { region: 'maharashtra', languages: ['Marathi', 'Hindi'], alsoHeard: [] },
  'New Delhi': { region: 'north', languages: ['Hindi'], alsoHeard: ['Punjabi', 'Urdu'] },
  Chennai: { region: 'tamil', languages: ['Tamil'], alsoHeard: ['Telugu', 'Hindi'] },
  Hyderabad: { region: 'telugu', languages: ['Telugu', 'Hindi'], alsoHeard: ['Urdu'] },
  Kolkata: { region: 'bengal', languages: ['Bengali', 'Hindi'], alsoHeard: [] },
  Ahmedabad: { region: 'gujarat', languages: ['Gujarati', 'Hindi'], alsoHeard: [] },
  Jaipur: { region: 'rajasthan', languages: ['Hindi'], alsoHeard: ['Marwari'] },
  Kochi: { region: 'kerala', languages: ['Malayalam'], alsoHeard: ['Tamil', 'Hindi'] },
};

export const REGION_KEYS = Object.keys(REGIONS) as RegionKey[];

export interface DemoPerson {
  firstName: string;
  lastName: string;
  gender: 'FEMALE' | 'MALE';
}

/** Someone from `region` (or, one time in five, from anywhere) whose full name is not in `used`. */
export function pickPerson(random: { next(): number; pick<T>(items: readonly T[]): T }, region: RegionKey, used: Set<string>): DemoPerson {
  for (let attempt = 0; ; attempt++) {
    const from = REGIONS[random.next() < 0.8 ? region : random.pick(REGION_KEYS)];
    const gender = random.next() < 0.5 ? 'FEMALE' : 'MALE';
    const firstName = random.pick(gender === 'FEMALE' ? from.female : from.male);
    const lastName = random.pick(from.surnames);
    const key = `${firstName} ${lastName}`;
    if (!used.has(key) || attempt > 50) {
      used.add(key);
      return { firstName, lastName, gender };
    }
  }
}

/** The region whose surnames `lastName` comes from (for the languages someone speaks at home). */
export function regionOf(lastName: string, fallback: RegionKey): RegionKey {
  if ((REGIONS[fallback].surnames as readonly string[]).includes(lastName)) return fallback;
  return REGION_KEYS.find((key) => (REGIONS[key].surnames as readonly string[]).includes(lastName)) ?? fallback;
}
