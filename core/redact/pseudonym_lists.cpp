// The built-in lists of pseudonym_lists.h: common US first names and surnames (census frequency lists),
// tree, bird, president and town names for streets, and one-word town names for cities.
#include "core/redact/pseudonym_lists.h"

namespace incidoc::redact {

namespace {

constexpr const char* kFirstNames[] = {
    "James",     "Mary",      "John",        "Patricia", "Robert",    "Jennifer", "Michael",   "Linda",     "William",
    "Elizabeth", "David",     "Barbara",     "Richard",  "Susan",     "Joseph",   "Jessica",   "Thomas",    "Sarah",
    "Charles",   "Karen",     "Christopher", "Nancy",    "Daniel",    "Lisa",     "Matthew",   "Betty",     "Anthony",
    "Margaret",  "Mark",      "Sandra",      "Donald",   "Ashley",    "Steven",   "Kimberly",  "Paul",      "Emily",
    "Andrew",    "Donna",     "Joshua",      "Michelle", "Kenneth",   "Dorothy",  "Kevin",     "Carol",     "Brian",
    "Amanda",    "George",    "Melissa",     "Edward",   "Deborah",   "Ronald",   "Stephanie", "Timothy",   "Rebecca",
    "Jason",     "Sharon",    "Jeffrey",     "Laura",    "Ryan",      "Cynthia",  "Jacob",     "Kathleen",  "Gary",
    "Amy",       "Nicholas",  "Shirley",     "Eric",     "Angela",    "Jonathan", "Helen",     "Stephen",   "Anna",
    "Larry",     "Brenda",    "Justin",      "Pamela",   "Scott",     "Nicole",   "Brandon",   "Emma",      "Benjamin",
    "Samantha",  "Samuel",    "Katherine",   "Gregory",  "Christine", "Frank",    "Debra",     "Alexander", "Rachel",
    "Raymond",   "Catherine", "Patrick",     "Carolyn",  "Jack",      "Janet",    "Dennis",    "Ruth",      "Jerry",
    "Maria",     "Tyler",     "Heather",     "Aaron",    "Diane",     "Jose",     "Virginia",  "Adam",      "Julie",
    "Henry",     "Joyce",     "Nathan",      "Victoria", "Douglas",   "Olivia",   "Zachary",   "Kelly",     "Peter",
    "Christina", "Kyle",      "Lauren",      "Walter",   "Joan",      "Ethan",    "Evelyn",    "Jeremy",    "Judith",
    "Harold",    "Megan",     "Keith",       "Cheryl",   "Christian", "Andrea",   "Roger",     "Hannah",    "Noah",
    "Martha",    "Gerald",    "Jacqueline",  "Carl",     "Frances",   "Terry",    "Gloria",    "Sean",      "Ann",
    "Austin",    "Teresa",    "Arthur",      "Kathryn",  "Lawrence",  "Sara",     "Jesse",     "Janice",    "Dylan",
    "Jean",      "Bryan",     "Alice",       "Joe",      "Madison",   "Jordan",   "Doris",     "Billy",     "Abigail",
    "Bruce",     "Julia",     "Albert",      "Judy",     "Willie",    "Grace",    "Gabriel",   "Denise",    "Logan",
    "Amber",     "Alan",      "Marilyn",     "Juan",     "Beverly",   "Wayne",    "Danielle",  "Roy",       "Theresa",
    "Ralph",     "Sophia",    "Randy",       "Marie",    "Eugene",    "Diana",    "Vincent",   "Brittany",  "Russell",
    "Natalie",   "Elijah",    "Isabella",    "Louis",    "Charlotte", "Bobby",    "Rose",      "Philip",    "Alexis",
    "Johnny",    "Kayla",     "Morgan",      "Ellis",    "Avery",     "Quinn",    "Reese",     "Harper",    "Rowan",
    "Emery",     "Blake",     "Casey",       "Dana",     "Jamie",     "Leslie",   "Marion",    "Owen",      "Miles",
    "Felix",     "Oscar",     "Hugo",        "Ivan",     "Leo",       "Max",      "Nora",      "Ivy",       "Iris",
    "Hazel",     "Ruby",      "Stella",      "Violet",   "Clara",     "Alma",     "Jonah",     "Liam",      "Lucas",
    "Aiden",     "Caleb",     "Isaac",       "Levi",     "Eli",       "Silas",    "Ada",       "Eva",       "Mia",
    "Ella",      "Leah",      "Lily",        "Chloe",    "Aria",      "Layla",    "Nina",      "Edith",     "Irene",
    "Lena",      "Mabel",     "Nell",        "Opal",     "Pearl",     "Vera",     "Wendy",     "Yvonne",    "Zoe",
    "Abel",      "Amos",      "Boyd",        "Clyde",    "Cyrus",     "Dale",     "Dean",      "Earl",      "Floyd",
    "Glen",      "Grant",
};

constexpr const char* kSurnames[] = {
    "Smith",      "Johnson",  "Williams",   "Brown",    "Jones",     "Garcia",    "Miller",     "Davis",
    "Rodriguez",  "Martinez", "Hernandez",  "Lopez",    "Gonzalez",  "Wilson",    "Anderson",   "Thomas",
    "Taylor",     "Moore",    "Jackson",    "Martin",   "Lee",       "Perez",     "Thompson",   "White",
    "Harris",     "Sanchez",  "Clark",      "Ramirez",  "Lewis",     "Robinson",  "Walker",     "Young",
    "Allen",      "King",     "Wright",     "Scott",    "Torres",    "Nguyen",    "Hill",       "Flores",
    "Green",      "Adams",    "Nelson",     "Baker",    "Hall",      "Rivera",    "Campbell",   "Mitchell",
    "Carter",     "Roberts",  "Gomez",      "Phillips", "Evans",     "Turner",    "Diaz",       "Parker",
    "Cruz",       "Edwards",  "Collins",    "Reyes",    "Stewart",   "Morris",    "Morales",    "Murphy",
    "Cook",       "Rogers",   "Gutierrez",  "Ortiz",    "Morgan",    "Cooper",    "Peterson",   "Bailey",
    "Reed",       "Kelly",    "Howard",     "Ramos",    "Kim",       "Cox",       "Ward",       "Richardson",
    "Watson",     "Brooks",   "Chavez",     "Wood",     "James",     "Bennett",   "Gray",       "Mendoza",
    "Ruiz",       "Hughes",   "Price",      "Alvarez",  "Castillo",  "Sanders",   "Patel",      "Myers",
    "Long",       "Ross",     "Foster",     "Jimenez",  "Powell",    "Jenkins",   "Perry",      "Russell",
    "Sullivan",   "Bell",     "Coleman",    "Butler",   "Henderson", "Barnes",    "Gonzales",   "Fisher",
    "Vasquez",    "Simmons",  "Romero",     "Jordan",   "Patterson", "Alexander", "Hamilton",   "Graham",
    "Reynolds",   "Griffin",  "Wallace",    "Moreno",   "West",      "Cole",      "Hayes",      "Bryant",
    "Herrera",    "Gibson",   "Ellis",      "Tran",     "Medina",    "Aguilar",   "Stevens",    "Murray",
    "Ford",       "Castro",   "Marshall",   "Owens",    "Harrison",  "Fernandez", "McDonald",   "Woods",
    "Washington", "Kennedy",  "Wells",      "Vargas",   "Henry",     "Chen",      "Freeman",    "Webb",
    "Tucker",     "Guzman",   "Burns",      "Crawford", "Olson",     "Simpson",   "Porter",     "Hunter",
    "Gordon",     "Mendez",   "Silva",      "Shaw",     "Snyder",    "Mason",     "Dixon",      "Munoz",
    "Hunt",       "Hicks",    "Holmes",     "Palmer",   "Wagner",    "Black",     "Robertson",  "Boyd",
    "Rose",       "Stone",    "Salazar",    "Fox",      "Warren",    "Mills",     "Meyer",      "Rice",
    "Schmidt",    "Garza",    "Daniels",    "Ferguson", "Nichols",   "Stephens",  "Soto",       "Weaver",
    "Ryan",       "Gardner",  "Payne",      "Grant",    "Dunn",      "Kelley",    "Spencer",    "Hawkins",
    "Arnold",     "Pierce",   "Vazquez",    "Hansen",   "Peters",    "Santos",    "Hart",       "Bradley",
    "Knight",     "Elliott",  "Cunningham", "Duncan",   "Armstrong", "Hudson",    "Carroll",    "Lane",
    "Riley",      "Andrews",  "Alvarado",   "Ray",      "Delgado",   "Berry",     "Perkins",    "Hoffman",
    "Johnston",   "Matthews", "Pena",       "Richards", "Contreras", "Willis",    "Carpenter",  "Lawrence",
    "Sandoval",   "Guerrero", "George",     "Chapman",  "Rios",      "Estrada",   "Ortega",     "Watkins",
    "Greene",     "Nunez",    "Wheeler",    "Valdez",   "Harper",    "Burke",     "Larson",     "Santiago",
    "Maldonado",  "Morrison", "Franklin",   "Carlson",  "Austin",    "Dominguez", "Carr",       "Lawson",
    "Jacobs",     "Obrien",   "Lynch",      "Singh",    "Vega",      "Bishop",    "Montgomery", "Oliver",
    "Jensen",     "Harvey",   "Williamson", "Gilbert",  "Dean",      "Sims",      "Espinoza",   "Howell",
    "Li",         "Wong",     "Reid",       "Hanson",   "Le",        "McCoy",     "Garrett",    "Burton",
    "Fuller",     "Wang",     "Weber",      "Welch",    "Rojas",     "Lucas",     "Marquez",    "Fields",
    "Park",       "Yang",     "Little",     "Banks",    "Padilla",   "Day",       "Walsh",      "Bowman",
    "Schultz",    "Luna",     "Fowler",     "Mejia",    "Davidson",  "Acosta",    "Brewer",     "May",
    "Holland",    "Juarez",   "Newman",     "Pearson",  "Curtis",    "Cortez",    "Douglas",    "Schneider",
    "Joseph",     "Barrett",  "Navarro",    "Figueroa", "Keller",    "Avila",     "Wade",       "Molina",
    "Stanley",    "Hopkins",  "Campos",     "Barnett",  "Bates",
};

constexpr const char* kStreetNames[] = {
    "Maple",     "Oak",        "Pine",       "Cedar",    "Elm",       "Willow",    "Birch",     "Spruce",   "Walnut",
    "Chestnut",  "Hickory",    "Aspen",      "Poplar",   "Sycamore",  "Magnolia",  "Juniper",   "Laurel",   "Cypress",
    "Hawthorn",  "Linden",     "Alder",      "Hemlock",  "Dogwood",   "Holly",     "Redwood",   "Sequoia",  "Mulberry",
    "Orchard",   "Meadow",     "Prairie",    "Valley",   "Ridge",     "Summit",    "Highland",  "Lakeview", "Hillside",
    "Riverside", "Brookside",  "Fairview",   "Glenwood", "Greenwood", "Lakeshore", "Parkway",   "Sunset",   "Sunrise",
    "Harbor",    "Bayview",    "Crescent",   "Canyon",   "Creek",     "Forest",    "Garden",    "Grove",    "Heather",
    "Ivy",       "Lilac",      "Marigold",   "Orchid",   "Primrose",  "Rosewood",  "Sage",      "Thistle",  "Violet",
    "Clover",    "Fern",       "Meadowlark", "Bluebird", "Cardinal",  "Robin",     "Sparrow",   "Heron",    "Falcon",
    "Eagle",     "Hawk",       "Osprey",     "Pelican",  "Quail",     "Wren",      "Lark",      "Finch",    "Dove",
    "Swan",      "Franklin",   "Jefferson",  "Madison",  "Monroe",    "Jackson",   "Lincoln",   "Grant",    "Hamilton",
    "Adams",     "Washington", "Kennedy",    "Wilson",   "Harrison",  "Tyler",     "Polk",      "Taylor",   "Pierce",
    "Fillmore",  "Garfield",   "Cleveland",  "Hayes",    "Arthur",    "Coolidge",  "Hoover",    "Truman",   "Roosevelt",
    "Church",    "Market",     "Mill",       "School",   "College",   "Academy",   "Union",     "Liberty",  "Commerce",
    "Spring",    "Water",      "Bridge",     "Railroad", "Depot",     "Station",   "Factory",   "Quarry",   "Harvest",
    "Pioneer",   "Frontier",   "Heritage",   "Colonial", "Victoria",  "Windsor",   "Stratford", "Kingston", "Chester",
    "Dover",     "Bristol",    "Sheffield",  "Oxford",   "Cambridge", "Salem",     "Camden",    "Clifton",  "Ashland",
    "Belmont",   "Carlton",    "Dayton",     "Easton",   "Fulton",    "Hartford",  "Lexington", "Milton",   "Newport",
    "Preston",   "Stanton",    "Trenton",    "Weston",   "Yorkshire",
};

constexpr const char* kCityNames[] = {
    "Springfield", "Riverton",    "Fairfield",  "Georgetown", "Arlington", "Ashland",    "Bristol",     "Burlington",
    "Centerville", "Clayton",     "Clinton",    "Dover",      "Franklin",  "Greenville", "Hudson",      "Jackson",
    "Kingston",    "Lebanon",     "Madison",    "Marion",     "Milford",   "Newport",    "Oakland",     "Oxford",
    "Salem",       "Shelbyville", "Troy",       "Winchester", "Auburn",    "Bedford",    "Belmont",     "Brighton",
    "Camden",      "Canton",      "Chester",    "Dayton",     "Easton",    "Florence",   "Glendale",    "Hamilton",
    "Harrison",    "Hanover",     "Jamestown",  "Lancaster",  "Lexington", "Lincoln",    "Manchester",  "Middletown",
    "Monroe",      "Norwood",     "Oakdale",    "Orange",     "Plymouth",  "Portland",   "Princeton",   "Quincy",
    "Richmond",    "Riverside",   "Rochester",  "Sheffield",  "Somerset",  "Stratford",  "Sumner",      "Trenton",
    "Union",       "Vernon",      "Warren",     "Waverly",    "Weston",    "Windsor",    "Woodstock",   "Yorktown",
    "Alton",       "Avon",        "Benton",     "Bradford",   "Carlisle",  "Clifton",    "Concord",     "Denton",
    "Elgin",       "Emporia",     "Farmington", "Geneva",     "Hillsboro", "Holbrook",   "Kent",        "Lowell",
    "Marlow",      "Newton",      "Odessa",     "Palmyra",    "Paris",     "Pittsfield", "Quarryville", "Rockford",
    "Sterling",    "Tipton",      "Upton",      "Vienna",     "Wakefield", "Ashford",    "Brookfield",  "Crestview",
    "Dunmore",     "Edgewood",    "Fremont",    "Galena",     "Hartwell",  "Ironton",    "Jasper",
};

} // namespace

std::span<const char* const> firstNames()
{
    return kFirstNames;
}

std::span<const char* const> surnames()
{
    return kSurnames;
}

std::span<const char* const> streetNames()
{
    return kStreetNames;
}

std::span<const char* const> cityNames()
{
    return kCityNames;
}

} // namespace incidoc::redact
