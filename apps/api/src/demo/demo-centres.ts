/**
 * Demo centres in ten Indian cities with real coordinates. Fixed ids make loading idempotent.
 * Bengaluru has four: three within 10 km of the city centre (12.9716, 77.5946) and Whitefield
 * (~17 km) outside it, so the radius filter shows.
 */
export interface DemoCentre {
  id: string;
  name: string;
  city: string;
  address: string;
  phone: string;
  email: string;
  timeZone: string;
  lat: number;
  lng: number;
}

const c = (n: number, name: string, city: string, address: string, phone: string, lat: number, lng: number): DemoCentre => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  name,
  city,
  address,
  phone,
  email: `${name.toLowerCase().replace(/[^a-z]+/g, '.').replace(/^\.|\.$/g, '')}@carebook.example`,
  timeZone: 'Asia/Kolkata',
  lat,
  lng,
});

export const DEMO_CENTRES: DemoCentre[] = [
  c(1, 'carebook Indiranagar', 'Bengaluru', '100 Feet Road, Indiranagar, Bengaluru 560038', '+918041000001', 12.9784, 77.6408),
  c(2, 'carebook Jayanagar', 'Bengaluru', '11th Main Road, 4th Block, Jayanagar, Bengaluru 560011', '+918041000002', 12.925, 77.5938),
  c(3, 'carebook Koramangala', 'Bengaluru', '80 Feet Road, 6th Block, Koramangala, Bengaluru 560095', '+918041000003', 12.9352, 77.6245),
  c(4, 'carebook Whitefield', 'Bengaluru', 'ITPL Main Road, Whitefield, Bengaluru 560066', '+918041000004', 12.9698, 77.75),
  c(5, 'carebook Bandra', 'Mumbai', 'Hill Road, Bandra West, Mumbai 400050', '+912241000005', 19.0596, 72.8295),
  c(6, 'carebook Andheri', 'Mumbai', 'Veera Desai Road, Andheri West, Mumbai 400053', '+912241000006', 19.1364, 72.8296),
  c(7, 'carebook Connaught Place', 'New Delhi', 'Block E, Connaught Place, New Delhi 110001', '+911141000007', 28.6315, 77.2167),
  c(8, 'carebook Saket', 'New Delhi', 'Press Enclave Road, Saket, New Delhi 110017', '+911141000008', 28.5245, 77.2066),
  c(9, 'carebook T. Nagar', 'Chennai', 'Usman Road, T. Nagar, Chennai 600017', '+914441000009', 13.0418, 80.2341),
  c(10, 'carebook Banjara Hills', 'Hyderabad', 'Road No. 12, Banjara Hills, Hyderabad 500034', '+914041000010', 17.4156, 78.4347),
  c(11, 'carebook Salt Lake', 'Kolkata', 'Sector V, Salt Lake City, Kolkata 700091', '+913341000011', 22.5726, 88.4339),
  c(12, 'carebook Koregaon Park', 'Pune', 'North Main Road, Koregaon Park, Pune 411001', '+912041000012', 18.5362, 73.8939),
  c(13, 'carebook Navrangpura', 'Ahmedabad', 'CG Road, Navrangpura, Ahmedabad 380009', '+917941000013', 23.0365, 72.5611),
  c(14, 'carebook C-Scheme', 'Jaipur', 'Ashok Marg, C-Scheme, Jaipur 302001', '+911414100014', 26.9124, 75.7873),
  c(15, 'carebook Kakkanad', 'Kochi', 'Infopark Road, Kakkanad, Kochi 682030', '+914844100015', 10.0159, 76.3419),
];
