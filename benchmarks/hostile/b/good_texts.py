"""Twenty ordinary news texts written for this corpus (h13b). Each: (file name, text)."""
GOOD = [
("2021-03-04-harbour-bridge-reopens.txt", """Harbour bridge reopens after two years of repairs

The Kellington harbour bridge reopened to traffic on Thursday after two years of repairs that cost 48 million dollars. Mayor Helen Garrow cut a ribbon at the northern end shortly after nine in the morning.

Engineers replaced 340 steel cables and resurfaced the whole deck. "We found corrosion far worse than the survey of 2018 suggested," said chief engineer Tomas Reyes.

Buses will return to the bridge on 15 March 2021. The city council plans a second inspection in spring 2024."""),
("2020-11-12-library-fire.txt", """Fire damages old library in Dunmore

A fire broke out late on Tuesday in the east wing of the Dunmore public library. Firefighters brought it under control within three hours, and nobody was hurt.

Librarian Grace Okafor said about 2,000 books were lost, most of them donated by local families in the 1950s. The cause of the fire is still under investigation.

The library will stay closed until at least 1 February 2021, the county said in a statement."""),
("2019-06-21-orchestra-new-conductor.txt", """Regional orchestra names new conductor

The Aldwick Symphony Orchestra has named Ingrid Solberg as its principal conductor, the orchestra's board announced on Friday. Solberg, 41, has led the Bergen Youth Orchestra since 2012.

She succeeds Martin Hale, who retired in May after 22 years with the ensemble. Solberg will conduct her first concert as principal conductor on 14 September 2019.

"I want this orchestra to play in every school in the region," Solberg told reporters."""),
("2022-01-09-snowstorm-closes-schools.txt", """Snowstorm closes schools across the valley

Heavy snow closed more than 120 schools across the Marren valley on Monday. The weather service measured 45 centimetres of snow at Pine Hollow overnight.

Governor Alan Whitcombe asked drivers to stay off the roads until Tuesday evening. Power cuts affected about 8,000 homes, according to the utility company Valley Power.

Schools are expected to reopen on Wednesday, 12 January."""),
("2018-09-30-marathon-record.txt", """Local runner sets course record at city marathon

Kenyan runner Daniel Kiprop won the Fenwick city marathon on Sunday in two hours, six minutes and 40 seconds, a course record. The previous record had stood since October 2011.

Amelia Grant of Fenwick finished first among women in two hours, 24 minutes. About 11,000 runners took part, organisers said.

Kiprop said he would run in Berlin next year."""),
("2023-05-17-factory-jobs.txt", """Battery factory to bring 900 jobs to Holloway

Carmont Energy will build a battery factory on the edge of Holloway, the company said on Wednesday. The plant is expected to employ 900 people when it opens in 2026.

Chief executive Priya Raman said construction would begin in the autumn. The regional development agency will contribute 30 million pounds to the project.

Local union leader Owen Pritchard welcomed the news but asked for guarantees on wages."""),
("2017-02-14-museum-donation.txt", """Museum receives rare maps from private collector

The Westbury Museum of History has received a collection of 75 rare maps from collector Harold Vance. The oldest map in the collection dates from 1587.

Museum director Sofia Lindqvist said the maps would go on display in a new gallery on 3 April 2017. Vance, 88, began collecting maps while working as a sailor in the 1960s.

Entry to the new gallery will be free for the first month."""),
("2020-07-08-river-cleanup.txt", """Volunteers pull two tonnes of rubbish from the Tessel river

More than 300 volunteers spent Saturday cleaning the banks of the Tessel river near Arnholt. They collected two tonnes of rubbish, including 14 shopping trolleys and an old motorcycle.

The clean-up was organised by the group Clean Tessel, led by student Nadia Haddad. She said the group would return on the first Saturday of every month.

The town council has promised new bins along the river path."""),
("2016-10-03-election-result.txt", """Moreno wins mayoral election in Castleford

Lucia Moreno won the Castleford mayoral election on Sunday with 54 percent of the vote. Her opponent, sitting mayor Gerald Finch, conceded shortly before midnight.

Turnout was 61 percent, the highest since 1994. Moreno, a former teacher, promised to expand bus services and build 500 affordable homes.

She will take office on 1 November 2016."""),
("2021-08-25-hospital-wing.txt", """New children's wing opens at St Clare's hospital

A new children's wing with 60 beds opened at St Clare's hospital in Radley on Wednesday. Health minister Robert Osei attended the opening.

The wing cost 22 million euros and took three years to build. Dr Emma Castell, head of paediatrics, said waiting times for children would fall by half.

The old children's ward will be turned into a training centre next year."""),
("2015-04-19-train-delays.txt", """Signal failure causes train delays on northern line

A signal failure near Brockfield station caused delays of up to two hours on the northern railway line on Sunday. About 15,000 passengers were affected.

Rail operator Northline said engineers fixed the fault by four in the afternoon. Spokesman Colin Marsh apologised to travellers and said refunds would be offered.

It was the third signal failure on the line since January."""),
("2022-12-02-bakery-award.txt", """Family bakery wins national bread award

The Hartley family bakery in Oakham won the national bread award on Friday for its rye sourdough. Baker Margaret Hartley, 67, has run the shop since 1979.

Judges tasted 410 loaves from bakeries across the country. "The crust was perfect," said chief judge Leon Becker.

The bakery plans to open a second shop in Greendale in the spring."""),
("2019-01-28-storm-damage.txt", """Storm damages roofs and brings down trees in Saltmarsh

Winds of up to 130 kilometres per hour damaged dozens of roofs in Saltmarsh overnight on Sunday. Fallen trees blocked several roads, and the ferry to Gull Island was cancelled.

Coastguard officer Fiona Drummond said two fishermen were rescued from a drifting boat. Nobody was seriously injured.

The weather service warned that another storm could arrive on Thursday."""),
("2024-02-11-chess-tournament.txt", """Teenager wins city chess tournament

Fifteen-year-old Arjun Mehta won the Lowbridge open chess tournament on Sunday, beating grandmaster Viktor Asimov in the final round. Mehta scored seven points out of nine.

The tournament, held at the Lowbridge town hall, drew 180 players from 12 countries. Organiser Clara Jensen said it was the largest in its 30-year history.

Mehta will represent his country at the youth championship in July."""),
("2018-03-15-water-prices.txt", """Water prices to rise by six percent

Households in the Ferris district will pay six percent more for water from 1 April 2018, the regional water company Ferris Water announced on Thursday.

Managing director Paul Hendry said the money would pay for new pipes to reduce leaks. Consumer group Fair Bills called the rise unfair and asked the regulator to step in.

The average household bill will rise by about 24 pounds a year."""),
("2020-05-06-zoo-births.txt", """Two snow leopard cubs born at Marlow zoo

Two snow leopard cubs were born at Marlow zoo in late April, keepers said on Wednesday. The cubs, a male and a female, are healthy and stay with their mother, Tara.

Head keeper Simon Achebe said the births were important for the species, which is endangered in the wild. Visitors may be able to see the cubs in the summer.

The zoo has bred snow leopards since 1998."""),
("2023-09-19-bridge-protest.txt", """Residents protest against plan to close footbridge

About 400 residents marched through Kestrel Bay on Saturday against a plan to close the old footbridge over the railway. The council says the bridge is unsafe and too costly to repair.

Councillor Derek Ansah said a new bridge would be considered in the 2025 budget. Protest organiser Joan Whitley said the closure would cut the town in two.

A public meeting will be held on 2 October 2023."""),
("2017-11-30-airport-expansion.txt", """Airport approves new terminal

Brenton airport will build a second terminal after the board approved the plan on Wednesday. The terminal should handle five million passengers a year when it opens in 2021.

Airport chief Maria Kowalski said the project would cost 300 million dollars. Environmental group Clear Skies said it would challenge the decision in court.

Construction is due to start in March 2018."""),
("2021-12-20-charity-run.txt", """Charity run raises money for food bank

A Christmas charity run in Elmsford raised 18,000 pounds for the town's food bank on Sunday. About 650 runners took part, many of them dressed as Santa Claus.

Food bank manager Ruth Adeyemi said the money would buy food for 300 families over the winter. The run was started in 2009 by local doctor Ian McLeod.

Next year's run will take place on 18 December 2022."""),
("2016-06-08-school-robotics.txt", """Pupils win robotics prize with sorting robot

Pupils from Greyfield secondary school won the national robotics prize on Tuesday with a robot that sorts recycling. The team of six was led by teacher Hannah Novak.

Their robot sorts plastic, paper and metal using a camera and a small computer. Judge Felix Romero said it was the most useful entry he had seen.

The team will present the robot at a science fair in Geneva in September."""),
]
