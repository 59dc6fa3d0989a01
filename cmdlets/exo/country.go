package exo

import (
	"strings"

	"github.com/exosim/exosim/shell/lazy"
)

// countries are the countries and regions Exchange's CountryInfo knows:
// the ISO 3166-1 two-letter code and the friendly name Exchange shows in
// CountryOrRegion (the name Windows gives the region, which is sometimes
// shorter than the ISO 3166 Maintenance Agency's). Static data.
var countries = [...][2]string{
	{"AD", "Andorra"}, {"AE", "United Arab Emirates"}, {"AF", "Afghanistan"}, {"AG", "Antigua and Barbuda"},
	{"AI", "Anguilla"}, {"AL", "Albania"}, {"AM", "Armenia"}, {"AO", "Angola"}, {"AQ", "Antarctica"},
	{"AR", "Argentina"}, {"AS", "American Samoa"}, {"AT", "Austria"}, {"AU", "Australia"}, {"AW", "Aruba"},
	{"AX", "Åland Islands"}, {"AZ", "Azerbaijan"}, {"BA", "Bosnia and Herzegovina"}, {"BB", "Barbados"},
	{"BD", "Bangladesh"}, {"BE", "Belgium"}, {"BF", "Burkina Faso"}, {"BG", "Bulgaria"}, {"BH", "Bahrain"},
	{"BI", "Burundi"}, {"BJ", "Benin"}, {"BL", "Saint Barthélemy"}, {"BM", "Bermuda"}, {"BN", "Brunei"},
	{"BO", "Bolivia"}, {"BQ", "Bonaire, Sint Eustatius and Saba"}, {"BR", "Brazil"}, {"BS", "Bahamas"},
	{"BT", "Bhutan"}, {"BV", "Bouvet Island"}, {"BW", "Botswana"}, {"BY", "Belarus"}, {"BZ", "Belize"},
	{"CA", "Canada"}, {"CC", "Cocos (Keeling) Islands"}, {"CD", "Congo (DRC)"}, {"CF", "Central African Republic"},
	{"CG", "Congo"}, {"CH", "Switzerland"}, {"CI", "Côte d'Ivoire"}, {"CK", "Cook Islands"}, {"CL", "Chile"},
	{"CM", "Cameroon"}, {"CN", "China"}, {"CO", "Colombia"}, {"CR", "Costa Rica"}, {"CU", "Cuba"},
	{"CV", "Cabo Verde"}, {"CW", "Curaçao"}, {"CX", "Christmas Island"}, {"CY", "Cyprus"}, {"CZ", "Czechia"},
	{"DE", "Germany"}, {"DJ", "Djibouti"}, {"DK", "Denmark"}, {"DM", "Dominica"}, {"DO", "Dominican Republic"},
	{"DZ", "Algeria"}, {"EC", "Ecuador"}, {"EE", "Estonia"}, {"EG", "Egypt"}, {"EH", "Western Sahara"},
	{"ER", "Eritrea"}, {"ES", "Spain"}, {"ET", "Ethiopia"}, {"FI", "Finland"}, {"FJ", "Fiji"},
	{"FK", "Falkland Islands"}, {"FM", "Micronesia"}, {"FO", "Faroe Islands"}, {"FR", "France"}, {"GA", "Gabon"},
	{"GB", "United Kingdom"}, {"GD", "Grenada"}, {"GE", "Georgia"}, {"GF", "French Guiana"}, {"GG", "Guernsey"},
	{"GH", "Ghana"}, {"GI", "Gibraltar"}, {"GL", "Greenland"}, {"GM", "Gambia"}, {"GN", "Guinea"},
	{"GP", "Guadeloupe"}, {"GQ", "Equatorial Guinea"}, {"GR", "Greece"},
	{"GS", "South Georgia and the South Sandwich Islands"}, {"GT", "Guatemala"}, {"GU", "Guam"},
	{"GW", "Guinea-Bissau"}, {"GY", "Guyana"}, {"HK", "Hong Kong SAR"}, {"HM", "Heard Island and McDonald Islands"},
	{"HN", "Honduras"}, {"HR", "Croatia"}, {"HT", "Haiti"}, {"HU", "Hungary"}, {"ID", "Indonesia"},
	{"IE", "Ireland"}, {"IL", "Israel"}, {"IM", "Isle of Man"}, {"IN", "India"},
	{"IO", "British Indian Ocean Territory"}, {"IQ", "Iraq"}, {"IR", "Iran"}, {"IS", "Iceland"}, {"IT", "Italy"},
	{"JE", "Jersey"}, {"JM", "Jamaica"}, {"JO", "Jordan"}, {"JP", "Japan"}, {"KE", "Kenya"}, {"KG", "Kyrgyzstan"},
	{"KH", "Cambodia"}, {"KI", "Kiribati"}, {"KM", "Comoros"}, {"KN", "Saint Kitts and Nevis"},
	{"KP", "North Korea"}, {"KR", "Korea"}, {"KW", "Kuwait"}, {"KY", "Cayman Islands"}, {"KZ", "Kazakhstan"},
	{"LA", "Laos"}, {"LB", "Lebanon"}, {"LC", "Saint Lucia"}, {"LI", "Liechtenstein"}, {"LK", "Sri Lanka"},
	{"LR", "Liberia"}, {"LS", "Lesotho"}, {"LT", "Lithuania"}, {"LU", "Luxembourg"}, {"LV", "Latvia"},
	{"LY", "Libya"}, {"MA", "Morocco"}, {"MC", "Monaco"}, {"MD", "Moldova"}, {"ME", "Montenegro"},
	{"MF", "Saint Martin"}, {"MG", "Madagascar"}, {"MH", "Marshall Islands"}, {"MK", "North Macedonia"},
	{"ML", "Mali"}, {"MM", "Myanmar"}, {"MN", "Mongolia"}, {"MO", "Macao SAR"}, {"MP", "Northern Mariana Islands"},
	{"MQ", "Martinique"}, {"MR", "Mauritania"}, {"MS", "Montserrat"}, {"MT", "Malta"}, {"MU", "Mauritius"},
	{"MV", "Maldives"}, {"MW", "Malawi"}, {"MX", "Mexico"}, {"MY", "Malaysia"}, {"MZ", "Mozambique"},
	{"NA", "Namibia"}, {"NC", "New Caledonia"}, {"NE", "Niger"}, {"NF", "Norfolk Island"}, {"NG", "Nigeria"},
	{"NI", "Nicaragua"}, {"NL", "Netherlands"}, {"NO", "Norway"}, {"NP", "Nepal"}, {"NR", "Nauru"}, {"NU", "Niue"},
	{"NZ", "New Zealand"}, {"OM", "Oman"}, {"PA", "Panama"}, {"PE", "Peru"}, {"PF", "French Polynesia"},
	{"PG", "Papua New Guinea"}, {"PH", "Philippines"}, {"PK", "Pakistan"}, {"PL", "Poland"},
	{"PM", "Saint Pierre and Miquelon"}, {"PN", "Pitcairn Islands"}, {"PR", "Puerto Rico"},
	{"PS", "Palestinian Authority"}, {"PT", "Portugal"}, {"PW", "Palau"}, {"PY", "Paraguay"}, {"QA", "Qatar"},
	{"RE", "Réunion"}, {"RO", "Romania"}, {"RS", "Serbia"}, {"RU", "Russia"}, {"RW", "Rwanda"},
	{"SA", "Saudi Arabia"}, {"SB", "Solomon Islands"}, {"SC", "Seychelles"}, {"SD", "Sudan"}, {"SE", "Sweden"},
	{"SG", "Singapore"}, {"SH", "St Helena, Ascension, Tristan da Cunha"}, {"SI", "Slovenia"},
	{"SJ", "Svalbard and Jan Mayen"}, {"SK", "Slovakia"}, {"SL", "Sierra Leone"}, {"SM", "San Marino"},
	{"SN", "Senegal"}, {"SO", "Somalia"}, {"SR", "Suriname"}, {"SS", "South Sudan"},
	{"ST", "São Tomé and Príncipe"}, {"SV", "El Salvador"}, {"SX", "Sint Maarten"}, {"SY", "Syria"},
	{"SZ", "Eswatini"}, {"TC", "Turks and Caicos Islands"}, {"TD", "Chad"},
	{"TF", "French Southern Territories"}, {"TG", "Togo"}, {"TH", "Thailand"}, {"TJ", "Tajikistan"},
	{"TK", "Tokelau"}, {"TL", "Timor-Leste"}, {"TM", "Turkmenistan"}, {"TN", "Tunisia"}, {"TO", "Tonga"},
	{"TR", "Türkiye"}, {"TT", "Trinidad and Tobago"}, {"TV", "Tuvalu"}, {"TW", "Taiwan"}, {"TZ", "Tanzania"},
	{"UA", "Ukraine"}, {"UG", "Uganda"}, {"UM", "U.S. Outlying Islands"}, {"US", "United States"},
	{"UY", "Uruguay"}, {"UZ", "Uzbekistan"}, {"VA", "Vatican City"}, {"VC", "Saint Vincent and the Grenadines"},
	{"VE", "Venezuela"}, {"VG", "British Virgin Islands"}, {"VI", "U.S. Virgin Islands"}, {"VN", "Vietnam"},
	{"VU", "Vanuatu"}, {"WF", "Wallis and Futuna"}, {"WS", "Samoa"}, {"YE", "Yemen"}, {"YT", "Mayotte"},
	{"ZA", "South Africa"}, {"ZM", "Zambia"}, {"ZW", "Zimbabwe"},
}

// countryIndex finds a country by its code or its friendly name, in
// lower case; made the first time a country is looked up.
var countryIndex = lazy.Value[map[string]int]{Build: func() map[string]int {
	m := make(map[string]int, 2*len(countries))
	for i := range countries {
		m[strings.ToLower(countries[i][0])] = i
		m[strings.ToLower(countries[i][1])] = i
	}
	return m
}}

// CountryName returns the friendly name of the country or region s names
// by its two-letter ISO 3166-1 code or its friendly name, in any case (the
// values Exchange's CountryInfo takes); ok is false for anything else.
func CountryName(s string) (name string, ok bool) {
	i, ok := countryIndex.Get()[strings.ToLower(strings.TrimSpace(s))]
	if !ok {
		return "", false
	}
	return countries[i][1], true
}
