"""Word lists for telling people from organisations, outlets, documents and anonymity."""

from __future__ import annotations

FEMALE_NAMES = set(
    [
        "amanda", "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan",
        "jessica", "sarah", "karen", "nancy", "lisa", "betty", "margaret", "sandra", "ashley",
        "kimberly", "emily", "donna", "michelle", "carol", "amy", "melissa", "deborah",
        "stephanie", "rebecca", "sharon", "laura", "cynthia", "kathleen", "helen", "anna",
        "angela", "anne", "ann", "marie", "maria", "olga", "irina", "natalia", "tatiana",
        "elena", "svetlana", "yulia", "ursula", "angela", "theresa", "kamala", "hillary",
        "nikki", "nancy", "kristi", "liz", "christine", "emmanuelle", "giorgia", "marine",
        "ségolène", "jacinda", "julia", "sophie", "sophia", "emma", "olivia", "isabel",
        "isabella", "ana", "lucia", "carmen", "rosa", "fatima", "aisha", "amina", "leila",
        "layla", "priya", "sunita", "indira", "yuki", "mei", "ling", "hana", "sara", "claire",
        "catherine", "caroline", "charlotte", "victoria", "alice", "grace", "jane", "joan",
        "judith", "janet", "diane", "rachel", "ruth", "nicola", "nicole", "natasha", "tanya",
        "valentina", "ines", "beatriz", "daniela", "gabriela", "adriana", "paula", "mariana",
        "alejandra", "veronica", "monica", "silvia", "teresa", "greta", "frederica", "kaja",
        "annalena", "mette", "sanna", "magdalena", "ewa", "agnieszka", "katarzyna", "zuzana",
        "dilma", "cristina", "michelle", "samantha", "tulsi", "elise", "marta", "louise",
        "heather", "megan", "lauren", "kate", "katherine", "kathy", "jill", "joanna", "hannah",
        "ellen", "erin", "denise", "tamara", "vera", "nadia", "lina", "rania", "hala", "noura",
        "allison", "margarita", "helena",
        "karin", "kirsten", "astrid", "sigrid", "annika", "brigitte", "claudia", "francesca",
        "chiara", "giulia", "elisa", "irene", "eva", "clara", "lea", "lena", "amelie",
        "chloe", "zoe", "lucy", "amber", "kelly", "tracy", "stacy", "wendy", "dawn",
        "shirley", "pamela", "brenda", "gloria", "martha", "judy", "debbie", "christina",
        "kristin", "erica", "andrea", "jacqueline", "priti", "shreya", "anjali", "deepa",
        "kavita", "meera", "aditi", "zainab", "mariam", "yasmin", "salma", "nour", "dina",
        "amal", "samira", "farah", "ayesha", "ngozi", "chioma", "amara", "wanjiru",
        "esther", "grace", "joy", "mercy", "blessing", "aoife", "siobhan", "niamh",
        "mairead", "eilidh", "kirsty", "gemma", "hayley", "jade", "holly", "sophie", "tanya",
        "dana", "helene", "sylvie", "nathalie", "isabelle", "camille", "manon", "ines", "marta",
        "agata", "oksana", "olena", "iryna", "kateryna", "yulia", "anastasia", "ekaterina",
        "mei-ling", "xiaoming", "akiko", "keiko", "yoko", "ji-woo", "min-ji", "kamila", "priyanka",
    ]
)
MALE_NAMES = set(
    [
        "james", "john", "robert", "michael", "william", "david", "richard", "joseph", "thomas",
        "charles", "christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven",
        "paul", "andrew", "joshua", "kenneth", "kevin", "brian", "george", "edward", "ronald",
        "timothy", "jason", "jeffrey", "ryan", "jacob", "gary", "nicholas", "eric", "jonathan",
        "stephen", "larry", "justin", "scott", "brandon", "benjamin", "samuel", "frank",
        "gregory", "raymond", "alexander", "patrick", "jack", "dennis", "jerry", "tyler",
        "aaron", "jose", "adam", "henry", "nathan", "douglas", "zachary", "peter", "kyle",
        "walter", "ethan", "jeremy", "harold", "keith", "christian", "roger", "noah", "gerald",
        "carl", "terry", "sean", "austin", "arthur", "lawrence", "jesse", "dylan", "bryan",
        "joe", "jordan", "billy", "bruce", "albert", "willie", "gabriel", "logan", "alan",
        "juan", "wayne", "roy", "ralph", "randy", "eugene", "vincent", "russell", "elijah",
        "louis", "bobby", "philip", "johnny", "vladimir", "sergei", "sergey", "dmitry",
        "dmitri", "alexei", "alexey", "nikolai", "igor", "ivan", "boris", "volodymyr", "viktor",
        "mikhail", "yuri", "oleg", "andriy", "petro", "emmanuel", "olaf", "friedrich", "rishi",
        "keir", "boris", "tony", "gordon", "nicolás", "nicolas", "hugo", "diego", "carlos",
        "luis", "jorge", "miguel", "pedro", "manuel", "javier", "fernando", "ricardo",
        "gustavo", "andrés", "alejandro", "mohammed", "muhammad", "mohamed", "ahmed", "ali",
        "hassan", "hussein", "omar", "khalid", "abdullah", "recep", "benjamin", "naftali",
        "yair", "xi", "li", "wang", "narendra", "rahul", "imran", "shehbaz", "joe", "barack",
        "bill", "hakeem", "mitch", "chuck", "ted", "marco", "rand", "lindsey", "kevin", "jair",
        "lula", "emmanuel", "jean", "pierre", "jacques", "francois", "françois", "antonio",
        "giuseppe", "matteo", "mario", "sergio", "luca", "fabio", "hans", "jürgen", "klaus",
        "wolfgang", "karl", "stefan", "markus", "lars", "mats", "erik", "jens", "jonas",
        "tomas", "pavel", "jan", "piotr", "andrzej", "mateusz", "viktor", "milos", "aleksandar",
        "nikos", "kyriakos", "jens", "mark-anthony", "abdel", "abdul", "yousef", "yusuf",
        "ibrahim", "mahmoud", "ismail", "kim", "shinzo", "fumio", "yoshihide", "moon", "cyril",
        "jacob", "marc",
        "tomas", "harold", "hakan", "ravi", "robert", "dave", "jamie",
        "ayman",
        "nick", "rob", "bob", "tim", "jim", "ben", "matt", "mike", "steve",
        "chris", "pete", "phil", "ron", "ken", "ian", "neil", "craig", "gavin", "stuart",
        "simon", "colin", "nigel", "trevor", "graeme", "alastair", "hamish", "angus", "euan",
        "callum", "rory", "connor", "ewan", "ewen", "declan", "seamus", "oisin", "cian", "ciaran",
        "lukas", "niklas", "tobias", "florian", "sebastian", "maximilian", "magnus",
        "anders", "sven", "nils", "olav", "bjorn", "björn", "leif", "gunnar", "kjell", "arne",
        "mathieu", "thierry", "olivier", "laurent", "philippe", "didier", "yves", "bruno",
        "alain", "gérard", "gerard", "andrea", "giovanni", "alessandro", "lorenzo", "paolo",
        "roberto", "massimo", "stefano", "francesco", "rafael", "raul", "raúl", "pablo",
        "sergio", "ignacio", "joaquin", "santiago", "mateo", "emilio", "eduardo", "alberto",
        "kwame", "kwasi", "chinedu", "emeka", "oluwaseun", "tunde", "musa", "samuel",
        "tariq", "bilal", "faisal", "nabil", "karim", "hamid", "reza", "mahmoud", "mehdi",
        "javad", "hossein", "amir", "arash", "dariusz", "tomasz", "krzysztof", "marek", "jiri",
        "dmytro", "oleksandr", "mykola", "taras", "anatoly", "gennady", "yevgeny", "maxim",
        "arjun", "vikram", "sanjay", "rajesh", "amit", "anil", "sunil", "vijay", "suresh",
        "hiroshi", "takeshi", "kenji", "haruto", "seo-jun",
        "jae-in", "min-ho", "somchai", "joko", "ferdinand", "rodrigo",
    ]
)
PERSON_TITLES = set(
    [
        "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "president", "sen", "senator",
        "rep", "representative", "gov", "governor", "gen", "general", "col", "colonel", "lt",
        "capt", "captain", "maj", "major", "sgt", "judge", "justice", "rev", "father", "sir",
        "dame", "lord", "lady", "minister", "secretary", "chancellor", "ambassador", "mayor",
        "premier", "king", "queen", "prince", "princess", "sheikh", "ayatollah", "pope",
        "bishop", "cardinal", "commissioner", "chairman", "chairwoman",
    ]
)
ROLE_NOUNS = set(
    [
        "analyst", "spokesman", "spokeswoman", "spokesperson", "minister", "president",
        "leader", "official", "professor", "expert", "economist", "lawyer", "attorney",
        "senator", "lawmaker", "director", "chief", "head", "researcher", "scientist", "doctor",
        "commander", "general", "officer", "diplomat", "ambassador", "envoy", "adviser",
        "advisor", "aide", "secretary", "chairman", "chairwoman", "ceo", "founder", "author",
        "activist", "mayor", "governor", "judge", "prosecutor", "witness", "resident",
        "candidate", "campaigner", "strategist", "correspondent", "editor", "reporter",
        "journalist", "manager", "executive", "owner", "member", "deputy", "negotiator",
        "mediator", "monitor", "observer", "historian", "lecturer", "fellow", "mother",
        "father", "son", "daughter", "wife", "husband", "sister", "brother", "farmer",
        "teacher", "student", "worker", "soldier", "chairperson", "coach", "manager",
        # local and national politics, police and courts, sport, professions
        "councillor", "councilor", "councilman", "councilwoman", "alderman", "legislator",
        "congressman", "congresswoman", "assemblyman", "assemblywoman", "mep",
        "superintendent", "constable", "sergeant", "solicitor",
        "barrister", "counsel", "plaintiff", "victim", "survivor",
        "skipper", "goalkeeper", "keeper", "striker", "midfielder", "defender",
        "winger", "nurse", "surgeon", "physician", "paramedic", "engineer",
        "pilot", "singer", "actor", "actress", "novelist", "writer", "poet", "artist",
        "entrepreneur", "investor", "banker", "consultant", "epidemiologist", "virologist",
        "psychologist", "ecologist", "economist", "demographer", "pollster", "organiser",
        "organizer", "volunteer", "neighbour", "neighbor", "shopkeeper", "landlord", "tenant",
        "broker", "principal", "headteacher", "rector", "chancellor",
        "vice-president", "premier", "treasurer", "comptroller", "regulator",
        "co-founder", "cofounder", "partner", "associate", "colleague", "friend", "cousin",
        "uncle", "aunt", "grandmother", "grandfather", "mum", "dad", "pensioner", "owner",
        # who someone is to another ("her co-star Dev Raman", "his fiancée Lena Ortiz")
        "co-star", "costar", "teammate", "bandmate", "classmate", "housemate", "flatmate",
        "girlfriend", "boyfriend", "fiance", "fiancee", "fiancé", "fiancée", "nephew", "niece",
        "grandson", "granddaughter", "stepfather", "stepmother", "widow", "widower",
    ]
)
ANONYMOUS_HEADS = set(
    [
        "official", "officials", "source", "sources", "person", "people", "insider", "insiders",
        "diplomat", "diplomats", "witness", "witnesses", "resident", "residents", "analysts",
        "experts", "observers", "critics", "aides", "aide", "someone", "insiders", "activists",
        "lawmakers", "investigators", "authorities", "staff", "employees", "executives",
        "bankers", "traders", "economists",
    ]
)
ANONYMOUS_MARKERS = ("familiar with", "anonymity", "not authorized", "not authorised",
                     "declined to be named", "asked not to be", "who spoke on condition",
                     "close to", "briefed on", "not be named", "not to be identified")
MEDIA_NAMES = set(
    [
        "cnn", "bbc", "reuters", "ap", "afp", "bloomberg", "nbc", "abc", "cbs", "fox", "npr",
        "pbs", "msnbc", "politico", "axios", "xinhua", "tass", "interfax", "ria", "kyodo",
        "yonhap", "efe", "ansa", "dpa", "al-jazeera", "aljazeera", "sky", "itv", "rte", "cnbc",
        "vice", "buzzfeed", "huffpost", "slate", "vox",
    ]
)
MEDIA_WORDS = set(
    [
        "times", "post", "journal", "news", "tribune", "guardian", "telegraph", "independent",
        "insider", "herald", "gazette", "chronicle", "daily", "mail", "mirror", "sun",
        "express", "economist", "observer", "monitor", "press", "newspaper",
        "broadcaster", "television", "tv", "radio", "magazine", "outlet", "tiempo", "país",
        "pais", "monde", "figaro", "spiegel", "zeitung", "corriere", "repubblica", "nacional",
        "universal", "clarín", "clarin", "wire", "network", "channel", "station", "website",
        "blog", "jazeera", "bild", "kommersant", "izvestia", "vedomosti", "pravda", "hindu",
        "dawn", "haaretz", "yedioth", "asahi", "mainichi", "yomiuri", "nikkei",
    ]
)
DOCUMENT_WORDS = set(
    [
        "report", "reports", "study", "studies", "statement", "statements", "survey", "surveys",
        "data", "figures", "document", "documents", "letter", "filing", "filings", "indictment",
        "poll", "polls", "analysis", "memo", "census", "complaint", "lawsuit", "records",
        "record", "assessment", "estimate", "estimates", "review", "findings", "paper",
        "research", "release", "bulletin", "transcript", "communique", "communiqué",
        "declaration", "decree", "ruling", "judgment", "verdict", "order", "notice", "budget",
        "forecast", "projections", "tally", "count",
    ]
)
ORG_WORDS = set(
    [
        "ministry", "department", "agency", "authority", "authorities", "government", "police",
        "army", "military", "forces", "institute", "university", "council", "committee",
        "commission", "party", "bank", "fund", "union", "association", "organization",
        "organisation", "company", "corporation", "inc", "corp", "ltd", "llc", "group",
        "office", "court", "parliament", "congress", "senate", "assembly", "kremlin",
        "pentagon", "white", "house", "administration", "foundation", "center", "centre",
        "coalition", "alliance", "federation", "board", "service", "services", "bureau",
        "embassy", "consulate", "cabinet", "navy", "guard", "regime", "firm", "secretariat",
        "council", "directorate", "mission", "network", "hospital", "school", "club", "team",
        "campaign", "movement", "front", "league", "society", "institution", "industry",
        "watchdog", "regulator", "prosecutors", "prosecutor's", "ngo", "charity", "opposition",
        "rebels", "junta", "presidency", "ministry's",
        "programme", "program", "international", "watch", "observatory", "trust", "amnesty",
        "oxfam", "unicef", "unesco", "nato", "interpol", "cross", "crescent",
    ]
)
