/**
 * Hand-kept vocabulary for the name rules: words that introduce a person, words that introduce
 * a clinician or staff member, and operational and medical words that are never names even when
 * a name list contains them. Every list is folded (lower case, no accents).
 */

const words = (text: string) => new Set(text.trim().split(/\s+/));

/** Relations and roles: the next words are very likely a person's name ("daughter maria"). */
export const RELATION_CUES = words(`
  pt pts patient patients caller client member subscriber resident
  mom mother mum mama mommy dad father papa daddy parent parents
  daughter son child kid baby infant toddler newborn twin twins stepdaughter stepson stepmom stepdad
  wife husband spouse partner fiance fiancee boyfriend girlfriend ex
  sister brother sibling sis bro aunt auntie uncle niece nephew cousin
  grandma grandpa grandmother grandfather granddaughter grandson grandchild nana grandmom granny gma gpa
  guardian caregiver caretaker friend neighbor neighbour roommate landlord employer coworker
  inlaw mil fil sil bil
`);

/** Words that introduce a person less reliably ("call back for …", "re: …"). */
export const WEAK_CUES = words(`for re from named name called w spoke talked tell ask asking msg message lvm lm vm cb callback contact reach regarding rgd`);

/** Weak cues that mean the person is being contacted ("cb maria", "lvm for Ana"): they name a patient or caller. */
export const CONTACT_CUES = words('cb callback lvm lm vm msg message reach contact called tell ask asking');

/** Words that complete a weak cue into a strong one ("spoke w/", "talked to"). */
export const SPOKE = words('spoke talked speaking spk spoken talking');

/** Titles of address: the next word is a surname or given name. */
export const PERSON_TITLES = words('mr mrs ms miss mx mister madam');

/** Clinician and staff titles: the next words (or, for post-nominals, the words before) are not PHI. */
export const CLINICIAN_TITLES = words(`
  dr doc doctor np pa rn lpn lvn cna ma md do dds dmd od dpm pharmd pharmacist nurse provider
  aprn fnp cnm crna midwife therapist counselor counsellor lcsw psychologist psychiatrist dietitian
  surgeon physician resident attending hospitalist intern fellow scribe tech technician
  receptionist scheduler coordinator manager supervisor agent operator admin biller billing
  practitioner np-c pa-c rep representative adjuster attn dpt ot slp
  worker sw liaison navigator chaplain aide dispatcher paramedic emt medic charge pharmacist
  per mgr coord officer driver hire float handoff shadowing backup covering
`);

/** Verbs that, with "to", "for" or "w/", hand work to a colleague ("escalated to Dwayne", "confirm w Marisol"). */
export const STAFF_VERBS = words('escalated escalate handoff handed transferred forwarded covering cover swapped swap confirm check routed route');

/** Words after a clinician's or staff member's name: on duty ("Kowalski on call", "Castellanos primary"). */
export const ON_DUTY = words('oncall on-call covering primary secondary backup');

/** Post-nominal credentials ("Sarah Chen NP", "Lopez, MD"): the name before them is a clinician's. */
export const POST_NOMINALS = words('md do np pa rn lpn fnp aprn dds dmd od pharmd lcsw phd dnp cnm crna pa-c np-c');

/** Places people work: "Tanya at front desk", "Marcus in billing", "Kim from Dr. Lee's office". */
export const STAFF_PLACES = words(`desk office billing scheduling front triage records reception lab pharmacy clinic practice hospital insurance referrals referral intake`);

/** Verbs that follow a person's name ("Adeyemi called", "Rose states"). */
export const PERSON_VERBS = words(`
  called calling calls states stated said says reports reported wants wanted needs needed requests
  requested asked asks is was has had will would can cannot cant didnt doesnt isnt wasnt
  returned returning left confirmed declined agreed prefers aware verbalized understands
  picked dropped came went got gets takes took
`);

/** Months, days and other calendar words: a month or weekday alone is never PHI. */
const CALENDAR = `
  january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec
  monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
  today tomorrow tonight yesterday morning afternoon evening night noon midnight am pm
  christmas easter thanksgiving
`;

/** Operational shorthand and function words agents type. */
const OPERATIONAL = `
  pt pts cb lvm vm lm msg appt appts rx rxs refill refills re w wo fu f/u dx hx sx tx px s/p prn bid tid qid qd qhs
  qam qpm po er ed ob gyn obgyn pcp uc icu asap pls plz thx ty ok okay np na n/a nka nkda yo y/o yrs hrs mins
  the a an and or but if of on in at to by for from with without per via about as into onto over under up down
  he she they them him her his hers their theirs it its we us our you your i me my mine this that these those
  who whom whose what which when where why how not no yes yeah yep nope also too very just still again
  will would shall should may might must can could do does did done doing is are was were be been being
  has have had having get gets got go goes went going come comes came see saw seen need needs want wants
  call calls called calling back return returned returning left leave message voicemail number phone cell home work
  mobile office fax email text sms portal chart record records note notes task tasks urgent routine stat
  new old same other another next last first second third each every all any some none both either neither
  please thanks thank regarding ref refs reference patient patients caller callers family relative
  doctor dr nurse np pa rn md provider provider's clinic practice pharmacy hospital lab insurance
  mr mrs ms miss ok wife husband mom dad son daughter
  abt min mins sec secs hr hrs wk wks mo mos yr yrs stmt dex peds derm eval pre-op post-op preop postop copay coinsurance
  deductible doppler concentrator weds tmrw tmr tom w/o ans svc ins med meds auth appeal denied hold ortho cardio onc
  neuro psych gi ent uro pulm rheum endo pedi hosp dept mgr dme hh soc roc oasis recert cath pet scan ekg
  st saint ave rd blvd ln hwy apt ste unit bldg fl rm ext opt
  pharm pharmacy walgreens cvs rite aid walmart kroger costco publix safeway heb meijer wegmans
  medicare medicaid aetna cigna humana bcbs uhc anthem kaiser tricare molina centene ambetter oscar optum caremark
  express scripts apria lincare rotech adapthealth amedisys ciox quest labcorp resmed philips dexcom medtronic
  abbott omnipod tandem inogen ups fedex usps uber lyft modivcare epic mychart portal zoom teams
  er ed icu pacu nicu picu snf alf ltc rehab hospice va mercy http https www com org net fwd
`;

/**
 * Medical vocabulary: conditions, body parts, tests and common medications (generic and brand)
 * that a name list may contain or that look like names when capitalized ("re Eliquis refill").
 */
const MEDICAL = `
  pain fever cough cold flu covid rsv strep uti uri copd chf cad afib dm dm2 htn hld gerd ibs ckd esrd
  asthma diabetes hypertension migraine headache nausea vomiting diarrhea constipation rash hives
  swelling edema dizziness vertigo fatigue anxiety depression insomnia bleeding bruising infection
  sinusitis bronchitis pneumonia otitis conjunctivitis cellulitis shingles eczema psoriasis acne
  glucose sugar insulin a1c hba1c inr bp hr rr o2 sat sats spo2 temp bmi ekg ecg eeg mri ct xray x-ray
  ultrasound echo labs cbc cmp bmp tsh lipid lipids psa ua culture biopsy mammogram colonoscopy pap
  mg mcg ml units unit tab tabs cap caps pill pills dose doses inhaler nebulizer neb patch cream ointment drops
  shot injection vaccine booster flu-shot
  tylenol advil motrin aleve excedrin benadryl claritin zyrtec allegra flonase sudafed mucinex robitussin
  delsym dayquil nyquil pepcid prilosec nexium zantac tums imodium miralax colace dulcolax pepto
  lisinopril losartan valsartan olmesartan irbesartan amlodipine nifedipine diltiazem verapamil
  metoprolol atenolol carvedilol propranolol labetalol hydrochlorothiazide hctz chlorthalidone furosemide
  lasix bumetanide torsemide spironolactone eplerenone hydralazine clonidine
  atorvastatin simvastatin rosuvastatin pravastatin lovastatin lipitor crestor zocor zetia ezetimibe
  metformin glipizide glyburide glimepiride pioglitazone januvia sitagliptin jardiance empagliflozin
  farxiga dapagliflozin invokana ozempic semaglutide wegovy rybelsus mounjaro tirzepatide zepbound
  trulicity dulaglutide victoza liraglutide saxenda byetta lantus levemir tresiba basaglar toujeo
  humalog novolog admelog fiasp humulin novolin glucagon baqsimi dexcom libre freestyle omnipod
  eliquis apixaban xarelto rivaroxaban coumadin warfarin jantoven pradaxa plavix clopidogrel brilinta
  aspirin asa heparin lovenox enoxaparin entresto digoxin amiodarone
  levothyroxine synthroid armour cytomel methimazole
  omeprazole pantoprazole esomeprazole lansoprazole famotidine ranitidine ondansetron zofran
  promethazine phenergan reglan metoclopramide dicyclomine bentyl linzess amitiza
  sertraline zoloft fluoxetine prozac escitalopram lexapro citalopram celexa paroxetine paxil
  venlafaxine effexor duloxetine cymbalta bupropion wellbutrin mirtazapine remeron trazodone
  buspirone buspar hydroxyzine vistaril atarax alprazolam xanax lorazepam ativan clonazepam klonopin
  diazepam valium zolpidem ambien quetiapine seroquel aripiprazole abilify risperidone risperdal
  olanzapine zyprexa lithium lamotrigine lamictal depakote divalproex topiramate topamax
  gabapentin neurontin pregabalin lyrica levetiracetam keppra carbamazepine tegretol
  adderall vyvanse ritalin concerta methylphenidate focalin strattera guanfacine intuniv
  amoxicillin augmentin amox azithromycin zithromax zpak z-pak cephalexin keflex cefdinir
  doxycycline minocycline ciprofloxacin cipro levofloxacin levaquin bactrim sulfamethoxazole
  nitrofurantoin macrobid clindamycin metronidazole flagyl penicillin fluconazole diflucan
  valacyclovir valtrex acyclovir tamiflu oseltamivir paxlovid prednisone prednisolone
  methylprednisolone medrol dexamethasone decadron hydrocortisone triamcinolone kenalog
  albuterol proair ventolin proventil xopenex symbicort advair breo trelegy spiriva singulair
  montelukast budesonide pulmicort flovent qvar dupixent
  ibuprofen naproxen acetaminophen meloxicam mobic celecoxib celebrex diclofenac voltaren
  tramadol ultram oxycodone percocet hydrocodone norco vicodin morphine codeine fentanyl
  suboxone buprenorphine naloxone narcan methadone vivitrol naltrexone
  cyclobenzaprine flexeril methocarbamol robaxin tizanidine zanaflex baclofen
  sumatriptan imitrex rizatriptan maxalt nurtec ubrelvy aimovig emgality
  finasteride proscar tamsulosin flomax oxybutynin ditropan myrbetriq sildenafil viagra tadalafil cialis
  estradiol premarin progesterone provera medroxyprogesterone depo depo-provera nexplanon mirena
  sprintec junel loestrin yaz yasmin ortho norethindrone clomid letrozole tamoxifen anastrozole
  methotrexate humira adalimumab enbrel etanercept stelara skyrizi cosentyx taltz otezla xeljanz
  rinvoq remicade infliximab entyvio keytruda opdivo herceptin avastin rituxan chemo chemotherapy
  hydroxychloroquine plaquenil allopurinol colchicine uloric
  epipen epinephrine auvi-q cetirizine loratadine fexofenadine fluticasone diphenhydramine
  prenatal prenatals folic iron ferrous vitamin d3 b12 magnesium potassium calcium zinc melatonin
  neulasta neupogen zarxio udenyca granix procrit aranesp epogen prolia xgeva reclast boniva fosamax
  alendronate forteo evenity tymlos botox dysport xeomin juvederm accutane isotretinoin tretinoin retin-a
  dob bday mrn ssn daycare preschool kindergarten vit gen mag
  employer wells fargo
  til wait waitlist kit credentialing novo pfizer lilly merck sanofi astrazeneca
  stridor wheeze wheezing croup
  davita fresenius golytely suprep moviprep colyte miralax rota rotateq edd lmp ala vasc svcs svc tri trimester
  abd abdominal sig max min postpartum post-partum prepartum dev link links syncope trop troponin nsr afib
  ketone ketones resched reschd rescheduled rescheduling
  cpap bipap oxygen walker wheelchair commode nebulizer glucometer pump pacemaker defibrillator icd
`;

export const NEVER_NAMES = words(CALENDAR + OPERATIONAL + MEDICAL);

/** Months that are also given names: a name when capitalized mid-sentence ("wife June called"). */
export const CALENDAR_GIVEN_NAMES = words('april may june august');

/** Endings of generic drug names: a capitalized word ending so is a medication, not a name. */
/** Endings of clinical terms (procedures, conditions, tests): "polypectomy", "stridor", "uremia". */
export const CLINICAL_ENDING =
  /(?:ectomy|otomy|ostomy|plasty|pexy|scopy|scope|graphy|gram|itis|osis|emia|algia|pathy|plegia|paresis|uria|oma|omas|ectasis|rrhea|rrhage|trophy|sclerosis|cele|lysis|penia|cytosis|phagia|pnea|tension|dynia|iasis|ism)$/;

/** Organization words after a name ("Cleveland Clinic", "Cook Children's", "Baptist Health"). */
export const ORG_SUFFIXES = words(`
  clinic clinics medical health healthcare hospital hospitals children childrens center centre centers
  pharmacy pharmacies institute university labs laboratory laboratories imaging radiology dialysis rehab
  associates partners group care specialists pediatrics cardiology orthopedics oncology surgical surgery
  hospice nursing manor village rehabilitation behavioral wellness urgent diagnostics regional general
  memorial infirmary sanitarium pavilion elementary school schools middle high academy church library
  county city college ymca
`);

/** Organization words before a name ("Memorial Sloan Kettering", "Mount Sinai"). */
export const ORG_PREFIXES = words('memorial mount mt university saint st santa san fort ft');

/** Departments after an organization's name ("Sheppard Pratt intake called", "Mercy ED"). */
export const DEPARTMENTS = words(`intake triage ed er icu nicu picu pacu admissions infusion dialysis radiology imaging lab pharmacy floor unit l&d labor oncology cardiology`);

export const DRUG_ENDING =
  /(?:olol|pril|sartan|statin|mab|nib|azole|cillin|mycin|cycline|floxacin|prazole|tidine|dipine|gliptin|gliflozin|glutide|parin|xaban|triptan|setron|lukast|terol|sone|olone|azepam|azolam|oxetine|opram|faxine|pramine|triptyline|idone|apine|barbital|caine|vir|vudine|tinib|zumab|ximab|umab|profen|fenac|coxib|codone|morphone|fentanil|thiazide|semide|lamide|mide|dronate|tropium|afil|osin|asteride|trel|estrol|gestrel|formin|glinide|glitazone|gliptin|tide)$/;
