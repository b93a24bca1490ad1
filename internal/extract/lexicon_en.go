package extract

// lexEN is the English lexicon. Weapon classes follow report-format.md and
// the evaluation labels' conventions: a missile or rocket of unstated type
// is unknown (so are S-300/S-400 used against ground targets), shelling is
// artillery, air strikes and bombs from aircraft are aircraft, HIMARS and
// Grad are mlrs, Kinzhal and Zircon are hypersonic_missile.
const lexEN = `
attack v: struck, hit, shelled, bombed, bombarded, attacked, targeted, pounded, hammered, rocked, blasted, raided, strafed, fired on, fired at, opened fire, launched {a,an} {strike,attack,missile strike,air strike,airstrike,drone attack,missile attack}, launched strikes, launched attacks, destroyed, damaged, demolished, flattened, levelled, leveled, wrecked, ripped through, tore through, slammed into, crashed into, exploded, went off, blew up, set ablaze, set on fire, set fire to, came under fire, came under attack, came under shelling, come under fire, come under attack, under fire, under attack, under shelling, landed on, landed in, fell on to, fell onto, tore apart, ripped apart, smashed into, hit by, struck by, shelling of, erupted, caught fire, burst into flames
attack h: strikes, hits, shells, bombs, pounds, attacks, targets, rocks, hammers, blasts, destroys, damages, batters, bombards, pummels
attack b: strike, attack, bomb, shell, target, pound, hammer, destroy, damage, bombard, pummel
attack n: airstrike{,s}, air strike{,s}, air raid{,s}, air attack{,s}, missile strike{,s}, missile attack{,s}, rocket attack{,s}, drone attack{,s}, drone strike{,s}, shelling, shellings, bombardment{,s}, bombing{,s}, barrage{,s}, explosion{,s}, blast{,s}, fireball{,s}, detonation{,s}, impact{,s}, salvo{,s}, volley{,s}, artillery fire, mortar fire, rocket fire, missile fire, onslaught, attack, strike, debris, wreckage, shrapnel
weapon ballistic_missile: ballistic missile{,s}, ballistic
weapon ballistic_missile/*: iskander{,s}, iskander m, iskander-m, 9m723, tochka, tochka-u, tochka u, kn-23, kn 23, kn-24, atacms, hwasong, fateh
weapon cruise_missile: cruise missile{,s}
weapon cruise_missile/*: kalibr{,s}, kh-101, kh101, x-101, kh-555, kh-55, kh-22, x-22, kh-32, kh-59, kh-69, kh-35, as-4, onyx, oniks, storm shadow{,s}, scalp, neptune{,s}, harpoon{,s}, tomahawk{,s}, iskander-k, taurus
weapon hypersonic_missile: hypersonic missile{,s}, hypersonic
weapon hypersonic_missile/*: kinzhal{,s}, kh-47m2, zircon{,s}, tsirkon, oreshnik
weapon drone.long_range: kamikaze drone{,s}, one-way attack drone{,s}, attack drone{,s}, long-range drone{,s}, suicide drone{,s}, loitering munition{,s}
weapon drone.long_range/*: shahed{,s}, shahed-136, shahed-131, shaheds, geran{,s}, geran-2, gerbera{,s}
weapon drone.tactical: fpv drone{,s}, fpv, quadcopter{,s}, first-person-view drone{,s}
weapon drone.tactical/*: lancet{,s}
weapon drone: drone{,s}, uav{,s}, unmanned aerial vehicle{,s}, unmanned aircraft, sea drone{,s}, naval drone{,s}, unmanned boat{,s}
weapon glide_bomb: glide bomb{,s}, guided bomb{,s}, guided aerial bomb{,s}, guided air bomb{,s}, umpk
weapon glide_bomb/*: kab{,s}, kab-500, kab-1500, kab-250, fab-500, fab-1500, fab-3000, fab-250
weapon aircraft: airstrike{,s}, air strike{,s}, air raid{,s}, warplane{,s}, fighter jet{,s}, jet{,s}, helicopter{,s}, bomber{,s}, aerial bomb{,s}, air-dropped bomb{,s}, bombed, bombing, bombings, bombs, aircraft, aviation, su-34, su-25, su-35, tu-95, tu-22m3, tu-160
weapon artillery: shelling, shellings, shelled, artillery, shells, shell, howitzer{,s}, cannon fire, gunfire, artillery fire, artillery strike{,s}, tank fire, heavy guns
weapon mortar: mortar{,s}, mortar fire, mortar shell{,s}
weapon mlrs: multiple rocket launcher{,s}, multiple-launch rocket system{,s}, multiple launch rocket system{,s}, rocket launcher{,s}, mlrs
weapon mlrs/*: grad{,s}, himars, smerch, uragan, tornado-s, m270, vilkha, bm-21, bm-27, bm-30, tos-1, tos-1a
weapon unknown: missile{,s}, rocket{,s}, projectile{,s}, munition{,s}, warhead{,s}
weapon unknown/*: s-300{,s}, s-400{,s}, s300, s400, kh-31
target residential: residential, apartment{,s}, apartment block{,s}, apartment building{,s}, block of flats, blocks of flats, high-rise{,s}, house{,s}, home{,s}, homes, dwelling{,s}, dormitor{y,ies}, private house{,s}, residential building{,s}, residential area{,s}, neighbourhood{,s}, neighborhood{,s}, housing
target energy: energy infrastructure, energy facilit{y,ies}, energy, power supply, electricity
target energy.power_generation: power plant{,s}, power station{,s}, thermal power plant{,s}, thermal power station{,s}, thermal plant, combined heat and power, chp, tpp, tes, generating facilit{y,ies}
target energy.power_grid: substation{,s}, power grid, power line{,s}, transformer{,s}, grid, transmission line{,s}
target energy.refinery: refiner{y,ies}, oil refinery, oil refineries
target energy.oil_gas: fuel depot{,s}, oil depot{,s}, oil storage, fuel storage, fuel tank{,s}, oil terminal{,s}, pipeline{,s}, pumping station{,s}, gas facilit{y,ies}, gas infrastructure, oil facilit{y,ies}, gas production
target energy.nuclear: nuclear power plant{,s}, nuclear plant{,s}, nuclear power station{,s}, npp, nuclear facilit{y,ies}
target energy.hydro: dam{,s}, hydroelectric, hydroelectric plant, hydroelectric power plant, hydro plant, hpp
target infrastructure: infrastructure, civilian infrastructure, critical infrastructure, shopping cent{re,er}{,s}, shopping mall{,s}, mall{,s}, supermarket{,s}, market{,s}, restaurant{,s}, cafe{,s}, hotel{,s}, shop{,s}, store{,s}, office building{,s}, business cent{re,er}, car park, parking lot, leisure cent{re,er}{,s}, recreation cent{re,er}{,s}, sports complex, stadium, cultural cent{re,er}, theatre, theater, museum, library, post office
target infrastructure.transport: bridge{,s}, road{,s}, highway, airport{,s}, transport infrastructure, bus station, bus, fuel station, petrol station, gas station
target infrastructure.rail: railway{,s}, railway station{,s}, train station{,s}, railroad, rail infrastructure, rail line{,s}, railway line{,s}, railway infrastructure, train{,s}, rail, station{,s}, locomotive{,s}, depot
target infrastructure.port: port{,s}, seaport, harbour, harbor, grain terminal, port infrastructure, port facilit{y,ies}, dock{,s}, terminal{,s}, ship{,s}, vessel{,s}
target infrastructure.water: water supply, water pumping station, water infrastructure, water treatment, reservoir
target infrastructure.telecom: tv tower, television tower, telecommunications tower, broadcasting tower, telecom, mobile network, radio tower
target industrial: factor{y,ies}, plant{,s}, industrial, industrial facilit{y,ies}, industrial site, industrial enterprise, enterprise{,s}, steelworks, steel plant, metallurgical plant, shipyard{,s}, warehouse{,s}, chemical plant, works, mine
target agricultural: grain, grain storage, silo{,s}, farm{,s}, agricultural, granary, elevator{,s}, grain elevator{,s}, farmland, fields
target medical: hospital{,s}, clinic{,s}, maternity, medical facilit{y,ies}, medical, ambulance{,s}, children's hospital, health cent{re,er}
target education: school{,s}, universit{y,ies}, kindergarten{,s}, nursery, college{,s}, lyceum, educational, campus
target religious: church{,es}, cathedral{,s}, monaster{y,ies}, mosque{,s}, synagogue{,s}, temple{,s}
target government: administration building, government building{,s}, administrative building{,s}, regional administration, city council, city hall, town hall, police station{,s}, police, court{,s}, courthouse, judicial, prison{,s}, penal colony, detention cent{re,er}, prisoner{,s} of war, prisoners, pow, pows, government
target military: military, equipment, aviation equipment, military target{,s}, military facilit{y,ies}, military infrastructure, military base{,s}, barracks, ammunition depot{,s}, ammo depot{,s}, arms depot{,s}, weapons depot{,s}, munitions depot{,s}, ammunition, air base{,s}, airbase{,s}, airfield{,s}, command post{,s}, headquarters, hq, military unit{,s}, positions, base{,s}, troops, soldiers, fleet, warship{,s}, air defence{,s}, air defense{,s}, radar, military equipment, weapons, western-supplied weapons, tanks, stronghold{,s}, military stronghold{,s}, training cent{re,er}{,s}, military airfield, military storage, storage site
kill v: killed, killing, kills, kill, died, dies, die, perished, lost their lives, were dead, claimed the lives
kill n: dead, deaths, death, fatalities, bodies, body, killed
kill t: death toll, toll
injure v: wounded, wounding, wounds, injured, injuring, injures, hurt, hospitalised, hospitalized, maimed
injure n: injuries, injury, wounded, injured
nocas z: no casualties, no casualty, no one was {hurt,injured,killed,wounded}, no one {hurt,injured,killed,wounded,died}, nobody was {hurt,injured,killed,wounded}, no injuries, no reported victims, no victims, no deaths, no fatalities, without casualties, no reports of casualties, no immediate reports of casualties, no reported casualties, no one died
person p: people, guard{,s}, fighters, militants, person, persons, civilian{,s}, resident{,s}, child, children, kid{,s}, women, woman, men, man, soldier{,s}, servicem{an,en}, serviceman, troops, worker{,s}, passenger{,s}, victim{,s}, adult{,s}, teenager{,s}, teen{,s}, boy{,s}, girl{,s}, baby, babies, infant{,s}, pensioner{,s}, firefighter{,s}, rescuer{,s}, police officer{,s}, officer{,s}, employee{,s}, family members, others, more, prisoner{,s}, pow{,s}, member{,s}, journalist{,s}, volunteer{,s}, doctor{,s}, medic{,s}, citizen{,s}
num 1: one, a single
num 2: two, a couple of, couple of, both
num 3: three
num 4: four
num 5: five
num 6: six
num 7: seven
num 8: eight
num 9: nine
num 10: ten
num 11: eleven
num 12: twelve, a dozen, dozen
num 13: thirteen
num 14: fourteen
num 15: fifteen
num 16: sixteen
num 17: seventeen
num 18: eighteen
num 19: nineteen
num 20: twenty
num 30: thirty
num 40: forty
num 50: fifty
num 60: sixty
num 70: seventy
num 80: eighty
num 90: ninety
num 100: hundred, a hundred, one hundred
num 1000: thousand, a thousand
time today: today, earlier today, this afternoon, this evening, this morning, tonight, earlier, earlier on, in the morning, in the afternoon, on the same day, the same day, hours earlier, shortly before, moments before
time morning: this morning, early this morning, in the early hours, early hours, before dawn, at dawn, this morning's
time overnight: overnight, last night, during the night, in the night, through the night, overnight into, night-time, nighttime
time yesterday: yesterday, yesterday's, the day before, a day earlier, on the eve
time lastweek: last week, this week, earlier this week, earlier in the week, in recent days, recent days, past few days, last few days, in the past week
time lastmonth: last month, earlier this month, this month, in recent weeks, recent weeks, past weeks
weekday 0: sunday, sunday's
weekday 1: monday, monday's
weekday 2: tuesday, tuesday's
weekday 3: wednesday, wednesday's
weekday 4: thursday, thursday's
weekday 5: friday, friday's
weekday 6: saturday, saturday's
month 1: january, jan
month 2: february, feb
month 3: march
month 4: april, apr
month 5: may
month 6: june, jun
month 7: july, jul
month 8: august, aug
month 9: september, sept, sep
month 10: october, oct
month 11: november, nov
month 12: december, dec
party RU/a: russian, russian-made, russian-launched, russian-fired, russia's, moscow's, kremlin's, pro-russian, russian-backed, separatist, separatists, occupying, occupation, invading, enemy
party RU/n: russia, moscow, the kremlin, kremlin, russians, the russian side, russian defence ministry, russian defense ministry, russia's defence ministry, russia's defense ministry, russian ministry of defence, russian ministry of defense, russian military, russian army, russian forces, russian troops, the russian federation, occupiers, invaders, occupying forces
party UA/a: ukrainian, ukraine's, kyiv's, kiev's, ukrainian-launched, ukrainian-fired, western-supplied, us-supplied, us-made
party UA/n: ukraine, kyiv, kiev, ukrainians, ukrainian forces, ukrainian troops, ukrainian army, ukrainian military, armed forces of ukraine, the ukrainian side, zsu, afu, ukraine's military, ukraine's armed forces, ukraine's air force, ukrainian air force, ukrainian navy, ukrainian defence ministry, ukraine's defence ministry
say say: said, says, say, saying, claimed, claims, claim, claiming, according to, reported, reports, announced, announces, stated, states, told, tells, confirmed, confirms, wrote, posted, added, insisted, alleged, alleges, alleging, acknowledged, admitted, admits, reportedly, purportedly, allegedly, quoted
say accuse: accused, accuses, accusing, accuse, blamed, blames, blaming, blame, holds responsible, held responsible, responsible for
say deny: denied, denies, deny, denying, rejected, rejects, dismissed, dismisses, refuted, refutes
hedge h: would, could, anticipation, in anticipation of, preparation, in preparation for, for launching, to launch, ahead of a possible, might, may, will, shall, going to, threatened, threatens, threaten, threatening, threat, plans, planned, planning, plan, warned, warns, warning, warn, fear, fears, feared, fearing, possible, possibly, risk, risks, if, unless, should, ready to, prepared to, intends, intend, intended, potential, potentially, capable, able to, capability, capabilities, can, cannot, aims to, aim to, hopes, hoped, wants to, want to, seeks to, vowed, vows, pledged, promised, in order to, to prevent, avoid, seemed, appears to, expected to, expects, likely, unlikely, would-be, attempt to, attempted, tried to, try to, trying to, prepare, preparing, preparations, simulated, exercise, exercises, drill{,s}, imagine, hypothetically, whether, lest, ability to, means to
otherwar x: syria, syrian, gaza, israel, israeli, israelis, hamas, hezbollah, lebanon, lebanese, yemen, yemeni, houthi, houthis, iraq, iraqi, afghanistan, afghan, chechnya, chechen war, nagorno-karabakh, karabakh, armenia, azerbaijan, sudan, libya, mali, world war, second world war, first world war, great patriotic war, ww2, wwii, nazi germany, the blitz, hiroshima, vietnam, korean war, kosovo, bosnia, serbia, aleppo, grozny, palestinian, palestinians, west bank, tel aviv, beirut, tehran strike
generic g: protracted, prolonged, sustained, relentless, ongoing, incessant, day and night, every day, every night, daily, each day, each night, constantly, constant, continue to, continues to, continued to, continuing to, kept on, regularly, routinely, repeatedly, frequently, often, for months, for weeks, for years, since the start of the war, since the invasion began, since the start of the invasion, throughout the war, over the past months, over the past few months, almost daily, nearly every day, day after day, night after night, on a daily basis, more and more, increasingly, systematically, usually, typically, sometimes, every time, whenever, so far in the war, since the war began, since the beginning of the war, since february, so far this year
nonattack x: strike a deal, strike deal, struck a deal, strikes a deal, strike a compromise, strike compromise, struck a compromise, strike a balance, struck a balance, hunger strike, hunger strikes, general strike, strike action, went on strike, on strike, hit back, hits back, hit out, hits out, hit by sanctions, hit hard, hard hit, hardest hit, hit the headlines, strike price, struck a chord, cyber attack{,s}, cyberattack{,s}, cyber-attack{,s}, hacker attack{,s}, heart attack{,s}, panic attack{,s}, attack on democracy, verbal attack{,s}, attacked the decision, attacked the plan, hit home, hit a record, hit a high, hit a low, hit the market, economy hit, hit targets for, struck down, strike out, strike down, lightning strike, strike team, strike group
intercept i: shot down, shoot down, shooting down, intercepted, intercept, interception{,s}, downed, repelled, neutralised, neutralized, destroyed in the air, destroyed by air defence{,s}, destroyed by air defense{,s}, were destroyed, was destroyed, air defence{,s}, air defense{,s}, air-defence, air-defense, anti-aircraft, shootdown{,s}
launch l: launched, launch, launching, launches, fired, fire, firing, sent, used, deployed, unleashed
agg a: across, throughout, all over, nationwide, across the country, across ukraine, regions, oblasts, provinces, past 24 hours, last 24 hours, past day, over the past day, over the last day, in the past day, massive attack, massive strike, massive strikes, massive missile attack, massive drone attack, combined attack, combined strike, large-scale attack, wave of, waves of, barrage of, dozens of, scores of, hundreds of, several regions, multiple, numerous, a series of, series of, in total, altogether, southern regions, eastern regions, western regions, northern regions, central regions, frontline, front line, along the front, front-line
regionword r: region, regions, oblast, oblasts, province, provinces, regional, district, raion, area
cityword c: city, town, village, settlement, port city, capital, suburb, suburbs, hamlet, township, outskirts, city centre, city center, downtown, urban-type settlement
official o: governor, governors, mayor, mayors, head, official, officials, authorities, administration, council, military administration, regional administration, spokesperson, spokesman, spokeswoman, police, prosecutor{,s}, prosecutor's office, emergency service{,s}, emergencies ministry, rescuers, chief, leader, deputy
since s: since, for the first time since, ever since, dating back
river r: river, river's, riverbank, reservoir, estuary, lagoon
country UA: ukraine, ukrainian territory
country RU: russia, russian territory, russian federation
country BY: belarus, belarusian territory
country PL: poland, polish territory
country MD: moldova, transnistria
country RO: romania
forces f: forces, troops, army, military, soldiers, servicemen, units, unit, air force, navy, artillery units, gunners, pilots, defence ministry, defense ministry, ministry of defence, ministry of defense, general staff, command, military command, southern command, operational command, separatists, militants, saboteurs, partisans, marines
history h: in 2014, in 2015, in 2016, in 2017, in 2018, in 2019, in 2020, in 2021, since 2014, in 1941, in 1945, in 1999, in 2008, last year, years ago, decades ago, months ago, a year ago, centuries, historically, in the past, back in, at the time, in the early days, in the first days, at the start of the war, at the beginning of the war, at the start of the invasion, early in the war, earlier in the war, in the spring, in the summer, in the autumn, in the winter, last spring, last summer, last autumn, last winter, previously
ground g: diplomatic activity in, capture, captured, capturing, captures, recapture, recaptured, seize, seized, seizing, seizes, seizure, take control of, took control of, taken control of, taking control of, took over, taken over, take over, taking over, control of, withdraw, withdrew, withdrawn, withdrawing, withdrawal, retreat, retreated, retreating, retreat from, pull out of, pulled out of, pulling out of, pull back from, pulled back from, liberate, liberated, liberating, liberation, encircle, encircled, encircling, encirclement, surround, surrounded, surrounding, storm, stormed, storming, fall of, fell to, fell, occupy, occupying, occupation of, advance on, advanced on, advance towards, advances towards, advancing on, advancing towards, push towards, pushed towards, pushing towards, pushing into, pushed into, evacuate, evacuated, evacuating, evacuation, evacuations, fled, flee, fleeing, entered, loss of, lost, battle for, fight for, fighting for, siege of, besieged, cut off, defend, defending, defended, hold, holding, reach, reached, reaching, convoy, visited, visit, visiting, trip to, travelled to, traveled to, arrived in, talks in, summit in, meeting in, diplomatic
`
