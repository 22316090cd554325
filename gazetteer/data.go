package gazetteer

// countries: canonical name | aliases... ; demonyms (adjective, plural)
// after "#". Short forms and abbreviations are the ones news copy uses.
const countries = `
Afghanistan#Afghan,Afghans
Albania#Albanian,Albanians
Algeria#Algerian,Algerians
Angola#Angolan,Angolans
Argentina#Argentine,Argentinian,Argentines,Argentinians
Armenia#Armenian,Armenians
Australia#Australian,Australians
Austria#Austrian,Austrians
Azerbaijan#Azerbaijani,Azerbaijanis
Bahrain#Bahraini,Bahrainis
Bangladesh#Bangladeshi,Bangladeshis
Belarus#Belarusian,Belarusians
Belgium#Belgian,Belgians
Bolivia#Bolivian,Bolivians
Bosnia and Herzegovina|Bosnia#Bosnian,Bosnians
Brazil#Brazilian,Brazilians
Bulgaria#Bulgarian,Bulgarians
Burkina Faso#Burkinabe
Cambodia#Cambodian,Cambodians
Cameroon#Cameroonian,Cameroonians
Canada#Canadian,Canadians
Chad#Chadian,Chadians
Chile#Chilean,Chileans
China|People's Republic of China|PRC#Chinese
Colombia#Colombian,Colombians
Costa Rica#Costa Rican,Costa Ricans
Croatia#Croatian,Croatians,Croat,Croats
Cuba#Cuban,Cubans
Cyprus#Cypriot,Cypriots
Czech Republic|Czechia#Czech,Czechs
Democratic Republic of the Congo|DR Congo|DRC#Congolese
Denmark#Danish,Dane,Danes
Dominican Republic#Dominican,Dominicans
Ecuador#Ecuadorian,Ecuadorians
Egypt#Egyptian,Egyptians
El Salvador#Salvadoran,Salvadorans
Estonia#Estonian,Estonians
Ethiopia#Ethiopian,Ethiopians
Finland#Finnish,Finn,Finns
France#French
Georgia#Georgian,Georgians
Germany#German,Germans
Ghana#Ghanaian,Ghanaians
Greece#Greek,Greeks
Guatemala#Guatemalan,Guatemalans
Haiti#Haitian,Haitians
Honduras#Honduran,Hondurans
Hungary#Hungarian,Hungarians
Iceland#Icelandic,Icelander,Icelanders
India#Indian,Indians
Indonesia#Indonesian,Indonesians
Iran#Iranian,Iranians
Iraq#Iraqi,Iraqis
Ireland|Republic of Ireland#Irish
Israel#Israeli,Israelis
Italy#Italian,Italians
Ivory Coast|Côte d'Ivoire#Ivorian,Ivorians
Jamaica#Jamaican,Jamaicans
Japan#Japanese
Jordan#Jordanian,Jordanians
Kazakhstan#Kazakh,Kazakhs
Kenya#Kenyan,Kenyans
Kosovo#Kosovar,Kosovars
Kuwait#Kuwaiti,Kuwaitis
Kyrgyzstan#Kyrgyz
Laos#Laotian,Laotians
Latvia#Latvian,Latvians
Lebanon#Lebanese
Libya#Libyan,Libyans
Lithuania#Lithuanian,Lithuanians
Luxembourg#Luxembourgish
Madagascar#Malagasy
Malaysia#Malaysian,Malaysians
Mali#Malian,Malians
Malta#Maltese
Mexico#Mexican,Mexicans
Moldova#Moldovan,Moldovans
Mongolia#Mongolian,Mongolians
Montenegro#Montenegrin,Montenegrins
Morocco#Moroccan,Moroccans
Mozambique#Mozambican,Mozambicans
Myanmar|Burma#Burmese
Nepal#Nepalese,Nepali
Netherlands|the Netherlands|Holland#Dutch
New Zealand#New Zealander,New Zealanders
Nicaragua#Nicaraguan,Nicaraguans
Niger#Nigerien,Nigeriens
Nigeria#Nigerian,Nigerians
North Korea|DPRK#North Korean,North Koreans
North Macedonia|Macedonia#Macedonian,Macedonians
Norway#Norwegian,Norwegians
Oman#Omani,Omanis
Pakistan#Pakistani,Pakistanis
Palestine|Palestinian Territories#Palestinian,Palestinians
Panama#Panamanian,Panamanians
Paraguay#Paraguayan,Paraguayans
Peru#Peruvian,Peruvians
Philippines|the Philippines#Filipino,Filipinos,Philippine
Poland#Polish,Pole,Poles
Portugal#Portuguese
Qatar#Qatari,Qataris
Romania#Romanian,Romanians
Russia|Russian Federation#Russian,Russians
Rwanda#Rwandan,Rwandans
Saudi Arabia#Saudi,Saudis,Saudi Arabian
Senegal#Senegalese
Serbia#Serbian,Serbians,Serb,Serbs
Singapore#Singaporean,Singaporeans
Slovakia#Slovak,Slovaks
Slovenia#Slovenian,Slovenians,Slovene
Somalia#Somali,Somalis
South Africa#South African,South Africans
South Korea|Korea|Republic of Korea|ROK#South Korean,South Koreans,Korean,Koreans
South Sudan#South Sudanese
Spain#Spanish,Spaniard,Spaniards
Sri Lanka#Sri Lankan,Sri Lankans
Sudan#Sudanese
Sweden#Swedish,Swede,Swedes
Switzerland#Swiss
Syria#Syrian,Syrians
Taiwan#Taiwanese
Tajikistan#Tajik,Tajiks
Tanzania#Tanzanian,Tanzanians
Thailand#Thai,Thais
Tunisia#Tunisian,Tunisians
Turkey|Türkiye#Turkish,Turk,Turks
Turkmenistan#Turkmen
Uganda#Ugandan,Ugandans
Ukraine#Ukrainian,Ukrainians
United Arab Emirates|UAE#Emirati,Emiratis
United Kingdom|UK|U.K.|Britain|Great Britain#British,Briton,Britons
United States|US|U.S.|USA|U.S.A.|United States of America|America#American,Americans
Uruguay#Uruguayan,Uruguayans
Uzbekistan#Uzbek,Uzbeks
Vatican City|Vatican|Holy See#
Venezuela#Venezuelan,Venezuelans
Vietnam|Viet Nam#Vietnamese
Yemen#Yemeni,Yemenis
Zambia#Zambian,Zambians
Zimbabwe#Zimbabwean,Zimbabweans
Andorra#Andorran,Andorrans
Antigua and Barbuda|Antigua#Antiguan,Antiguans
Bahamas|The Bahamas#Bahamian,Bahamians
Barbados#Barbadian,Barbadians,Bajan,Bajans
Belize#Belizean,Belizeans
Benin#Beninese
Bhutan#Bhutanese
Botswana#Motswana,Batswana
Brunei#Bruneian,Bruneians
Burundi#Burundian,Burundians
Cabo Verde|Cape Verde#Cape Verdean,Cape Verdeans
Central African Republic#Central African,Central Africans
Comoros#Comorian,Comorians
Republic of the Congo|Congo-Brazzaville
Djibouti#Djiboutian,Djiboutians
Dominica
Equatorial Guinea#Equatorial Guinean,Equatoguinean
Eritrea#Eritrean,Eritreans
Eswatini|Swaziland#Swazi,Swazis
Fiji#Fijian,Fijians
Gabon#Gabonese
Gambia|The Gambia#Gambian,Gambians
Grenada#Grenadian,Grenadians
Guinea#Guinean,Guineans
Guinea-Bissau#Bissau-Guinean,Bissau-Guineans
Guyana#Guyanese
Kiribati
Lesotho#Basotho
Liberia#Liberian,Liberians
Liechtenstein
Malawi#Malawian,Malawians
Maldives#Maldivian,Maldivians
Marshall Islands#Marshallese
Mauritania#Mauritanian,Mauritanians
Mauritius#Mauritian,Mauritians
Micronesia#Micronesian,Micronesians
Monaco#Monegasque,Monegasques
Namibia#Namibian,Namibians
Nauru#Nauruan,Nauruans
Palau#Palauan,Palauans
Papua New Guinea#Papua New Guinean,Papua New Guineans
Saint Kitts and Nevis|St Kitts and Nevis|St. Kitts and Nevis|St Kitts|St. Kitts#Kittitian,Kittitians
Saint Lucia|St Lucia|St. Lucia#Saint Lucian,Saint Lucians,St Lucian
Saint Vincent and the Grenadines|St Vincent and the Grenadines|St. Vincent and the Grenadines|St Vincent|St. Vincent#Vincentian,Vincentians
Samoa#Samoan,Samoans
San Marino#Sammarinese
Sao Tome and Principe|São Tomé and Príncipe
Seychelles#Seychellois
Sierra Leone#Sierra Leonean,Sierra Leoneans
Solomon Islands
Suriname#Surinamese
Timor-Leste|East Timor#Timorese
Togo#Togolese
Tonga#Tongan,Tongans
Trinidad and Tobago|Trinidad#Trinidadian,Trinidadians,Trinbagonian
Tuvalu#Tuvaluan,Tuvaluans
Vanuatu#Ni-Vanuatu
Puerto Rico#Puerto Rican,Puerto Ricans

Greenland#Greenlandic,Greenlanders
British Virgin Islands|BVI
US Virgin Islands|U.S. Virgin Islands|USVI
Cayman Islands
Bermuda#Bermudian,Bermudians
Aruba#Aruban,Arubans
Curaçao|Curacao
Turks and Caicos Islands|Turks and Caicos
Anguilla#Anguillan,Anguillans
Montserrat
Guadeloupe
Martinique
French Guiana
Western Sahara#Sahrawi,Sahrawis
`

// usStates lists the states of the United States with their postal codes
// and AP abbreviations.
const usStates = `
Alabama|Ala.|AL
Alaska|AK
Arizona|Ariz.|AZ
Arkansas|Ark.|AR
California|Calif.|CA
Colorado|Colo.|CO
Connecticut|Conn.|CT
Delaware|Del.|DE
Florida|Fla.|FL
Georgia|Ga.|GA
Hawaii|HI
Idaho|ID
Illinois|Ill.|IL
Indiana|Ind.|IN
Iowa|IA
Kansas|Kan.|KS
Kentucky|Ky.|KY
Louisiana|La.|LA
Maine|ME
Maryland|Md.|MD
Massachusetts|Mass.|MA
Michigan|Mich.|MI
Minnesota|Minn.|MN
Mississippi|Miss.|MS
Missouri|Mo.|MO
Montana|Mont.|MT
Nebraska|Neb.|NE
Nevada|Nev.|NV
New Hampshire|N.H.|NH
New Jersey|N.J.|NJ
New Mexico|N.M.|NM
New York State|N.Y.|NY
North Carolina|N.C.|NC
North Dakota|N.D.|ND
Ohio|OH
Oklahoma|Okla.|OK
Oregon|Ore.|OR
Pennsylvania|Pa.|PA
Rhode Island|R.I.|RI
South Carolina|S.C.|SC
South Dakota|S.D.|SD
Tennessee|Tenn.|TN
Texas|Tex.|TX
Utah|UT
Vermont|Vt.|VT
Virginia|Va.|VA
Washington State|Wash.|WA
West Virginia|W.Va.|WV
Wisconsin|Wis.|WI
Wyoming|Wyo.|WY
`

// cities are major world and US cities. A name that is also a state or
// a country ("New York", "Washington", "Georgia") is resolved by the rules
// in Lookup.
const cities = `
New York|New York City|NYC
Los Angeles|L.A.
Chicago
Houston
Phoenix
Philadelphia
San Antonio
San Diego
Dallas
San Jose
Austin
San Francisco
Seattle
Denver
Boston
Detroit
Miami
Atlanta
Las Vegas
New Orleans
Baltimore
Cleveland
Pittsburgh
Minneapolis
St. Louis
El Paso
Tucson
Nogales
Tijuana
Ciudad Juárez|Juárez
Washington|Washington, D.C.|Washington D.C.|D.C.
Mexico City
Monterrey
Guadalajara
Ottawa
Toronto
Montreal
Vancouver
London
Paris
Berlin
Madrid
Barcelona
Rome
Milan
Lisbon
Dublin
Brussels
Amsterdam
Vienna
Prague
Warsaw
Budapest
Athens
Stockholm
Oslo
Copenhagen
Helsinki
Moscow
St. Petersburg|Saint Petersburg
Kyiv|Kiev
Istanbul
Ankara
Cairo
Tehran
Baghdad
Damascus
Beirut
Jerusalem
Tel Aviv
Gaza City
Riyadh
Dubai
Doha
Kabul
Islamabad
Karachi
New Delhi|Delhi
Mumbai
Kolkata
Beijing
Shanghai
Hong Kong
Tokyo
Osaka
Seoul
Pyongyang
Taipei
Bangkok
Hanoi
Manila
Jakarta
Singapore
Sydney
Melbourne
Canberra
Auckland
Wellington
Nairobi
Lagos
Johannesburg
Cape Town
Kinshasa
Addis Ababa
Havana
Caracas
Bogotá|Bogota
Lima
Santiago
Buenos Aires
São Paulo|Sao Paulo
Rio de Janeiro
Brasília|Brasilia
Geneva
Zurich
Vatican City
`

// regions are continents and large regions that are places but not
// polities.
const regions = `
Africa
Asia
Europe
North America
South America
Latin America
Central America
the Caribbean|Caribbean
Middle East|the Middle East
Antarctica
Oceania
Arctic
Balkans
Scandinavia
Southeast Asia
East Asia
Sahara
Siberia
Gaza Strip|Gaza
West Bank
Atlantic Ocean|Atlantic
Pacific Ocean|Pacific
Indian Ocean
Mediterranean Sea|Mediterranean
Gulf of Mexico
Persian Gulf
Rio Grande
Amazon
Himalayas
`

// organizations are international bodies that news copy names by a short
// form as often as by the full name.
const organizations = `
United Nations|UN|U.N.
European Union|EU|E.U.
North Atlantic Treaty Organization|NATO
World Health Organization|WHO
World Trade Organization|WTO
International Monetary Fund|IMF
World Bank
Organization of American States|OAS
African Union|AU
Association of Southeast Asian Nations|ASEAN
Federal Bureau of Investigation|FBI
Central Intelligence Agency|CIA
National Aeronautics and Space Administration|NASA
Department of Homeland Security|DHS
Customs and Border Protection|CBP|U.S. Customs and Border Protection
Immigration and Customs Enforcement|ICE
Environmental Protection Agency|EPA
Food and Drug Administration|FDA
Centers for Disease Control and Prevention|CDC
Securities and Exchange Commission|SEC
Federal Reserve|Fed
Supreme Court
Congress
Senate
House of Representatives
Pentagon
White House
Kremlin
Red Cross|International Committee of the Red Cross|ICRC
Amnesty International
Human Rights Watch
Microsoft
Google
Apple
Amazon.com|Amazon Inc.
Facebook|Meta
Twitter
Reuters
Associated Press|AP
BBC|British Broadcasting Corporation
Wikinews
Wikipedia
`

// groups are religious, ethnic and political groups (NORP), first form
// canonical.
const groups = `
Muslim,Muslims,Islamic
Christian,Christians
Jewish,Jew,Jews
Hindu,Hindus
Buddhist,Buddhists
Catholic,Catholics
Protestant,Protestants
Sikh,Sikhs
Shia,Shiite,Shiites
Sunni,Sunnis
Arab,Arabs
Kurdish,Kurd,Kurds
Latino,Latinos,Latina,Latinas
Hispanic,Hispanics
Republican,Republicans
Democrat,Democrats
Mormon,Mormons
Evangelical,Evangelicals
Baptist,Baptists
Methodist,Methodists
Anglican,Anglicans
Lutheran,Lutherans
Quaker,Quakers
Scientologist,Scientologists
Palestinian Arab
`
