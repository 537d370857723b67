"""The demo town's texts in Ukrainian, by their French (standard) text: see portal/content/demo.py."""

TEXTS = {
    'Café-échanges':
        'Кафе-розмова',
    'Un moment convivial autour d’un café pour parler d’un sujet simple du quotidien, comme « parler à un proche » ou « la solitude du soir ». On vient pour écouter, pour partager si on en a envie, et pour rencontrer des personnes du quartier.':
        'Приємний час за кавою, щоб поговорити на просту щоденну тему, наприклад «поговорити з близькою людиною» або «самотність увечері». Люди приходять, щоб послухати, поділитися, якщо хочеться, і познайомитися з людьми зі свого району.',
    'Les règles sont affichées et rappelées en une minute au début.\nCe qui se dit ici reste ici.\nChacun parle s’il le souhaite ; on peut aussi simplement écouter.\nOn peut partir à tout moment, sans se justifier.\nPas de jugement, pas de conseils que personne n’a demandés.':
        'Правила вивішено, на початку їх коротко нагадують за одну хвилину.\nТе, що сказано тут, залишається тут.\nКожен говорить, якщо хоче; можна й просто слухати.\nМожна піти будь-коли, не пояснюючи чому.\nНікого не осуджують, ніхто не дає порад, про які не просили.',
    'Une personne accueille à la porte et présente le lieu.\nUne personne anime : elle propose le thème, distribue la parole et veille au temps.\nUne personne clôt la rencontre et remet les ressources.\nLa personne référente reste joignable et sait quoi faire si quelqu’un ne va pas bien. Quand c’est possible, l’animation se fait à deux : une personne formée à l’écoute et une personne concernée.':
        'Одна людина зустрічає біля дверей і розповідає про місце.\nОдна людина веде зустріч: пропонує тему, дає слово і стежить за часом.\nОдна людина завершує зустріч і роздає ресурси.\nВідповідальний волонтер завжди на зв’язку і знає, що робити, якщо комусь погано. Коли можливо, зустріч ведуть двоє: людина, навчена слухати, і людина з подібним досвідом.',
    'Chaque participant repart avec la fiche des ressources locales : lieux d’aide, numéros utiles et contacts de la mairie.':
        'Кожен учасник отримує аркуш місцевих ресурсів: де знайти допомогу, корисні номери та контакти мерії.',
    'Réserver une salle calme de 8 à 12 places.\nImprimer la charte d’accueil, la fiche ressources locales et le plan d’escalade.\nAfficher les règles et les numéros d’urgence.\nPrévoir boissons chaudes, gobelets et un thème simple.':
        'Забронювати тиху залу на 8–12 місць.\nНадрукувати хартію привітання, аркуш місцевих ресурсів і план дій у складних ситуаціях.\nВивісити правила і номери екстреної допомоги.\nПідготувати гарячі напої, стаканчики і просту тему.',
    'Salle de plain-pied avec des sièges confortables. Indiquer l’horaire, l’accès et la gratuité sur l’affiche. On peut venir avec un proche. Une version facile à lire des règles est disponible.':
        'Зала без сходинок, зі зручними сидіннями. На плакаті вказати час, як дістатися і що це безкоштовно. Можна прийти з близькою людиною. Є версія правил для легкого читання.',
    'Cercle d’écoute':
        'Коло слухання',
    'Un temps d’écoute en cercle où chacun peut dire ce qu’il vit, à son tour, et être écouté sans être interrompu ni conseillé.':
        'Час, коли люди сидять у колі. Кожен по черзі може розповісти, що переживає, і його вислухають, не перебиваючи і не даючи порад.',
    'Chaque tour de parole a une durée fixée, suivie à la montre.\nOn a le droit de passer son tour.\nPas de conseils si la personne n’en demande pas.\nCe qui est dit dans le cercle reste dans le cercle.\nOn peut quitter le cercle à tout moment.':
        'Кожен виступ має визначену тривалість, за нею стежать по годиннику.\nМожна пропустити свою чергу.\nНе даємо порад, якщо людина про них не просить.\nТе, що сказано в колі, залишається в колі.\nМожна вийти з кола будь-коли.',
    'Une personne accueille et installe le cercle.\nUne personne anime : elle rappelle les règles, tient le temps de chaque tour et veille à ce que personne ne soit interrompu.\nUne personne clôt par un dernier tour court et présente le questionnaire.\nLa personne référente sait comment accompagner quelqu’un qui a besoin d’une pause. L’écoute n’est pas une thérapie : on oriente vers les professionnels si besoin.':
        'Одна людина зустрічає учасників і влаштовує коло.\nОдна людина веде зустріч: нагадує правила, стежить за часом кожного виступу і за тим, щоб нікого не перебивали.\nОдна людина завершує зустріч коротким останнім колом і розповідає про анкету.\nВідповідальний волонтер знає, як підтримати людину, якій потрібна перерва. Слухання — це не терапія: якщо треба, людей направляють до фахівців.',
    'Avant de partir, chacun peut donner son ressenti de façon anonyme, en répondant à trois questions courtes.':
        'Перед тим як піти, кожен може анонімно сказати, як почувається, відповівши на три короткі запитання.',
    'Réserver une salle calme, sans passage.\nDisposer les chaises en cercle.\nPrévoir une montre ou un minuteur discret.\nImprimer les trois questions du ressenti anonyme et la fiche ressources locales.':
        'Забронювати тиху залу, де ніхто не ходить.\nПоставити стільці колом.\nПідготувати годинник або тихий таймер.\nНадрукувати три запитання анонімного відгуку і аркуш місцевих ресурсів.',
    'Salle de plain-pied, au calme, avec un éclairage doux. Des sièges avec accoudoirs pour ceux qui en ont besoin. Annoncer la durée des tours à l’avance rassure les personnes qui parlent peu.':
        'Зала без сходинок, тиха, з м’яким світлом. Сидіння з підлокітниками для тих, кому вони потрібні. Якщо заздалегідь сказати, скільки триває виступ, це заспокоює людей, які мало говорять.',
    'Binômes de convivialité':
        'Пари для дружнього спілкування',
    'Mettre en relation deux personnes qui le souhaitent toutes les deux, pour partager un moment simple : une marche, un café, une visite à la médiathèque.':
        'Познайомити двох людей, які обоє цього хочуть, щоб разом провести простий час: прогулянка, кава, відвідини бібліотеки.',
    'Les deux personnes donnent leur accord, en sachant à quoi elles s’engagent.\nUne charte courte est lue et acceptée par chacune.\nLes premières rencontres ont lieu dans un lieu public.\nLes coordonnées ne sont échangées que si les deux sont d’accord.\nChacune peut arrêter après une rencontre, sans faute ni justification.':
        'Обидві людини дають згоду і знають, що обіцяють.\nКожна з них читає і приймає коротку хартію.\nПерші зустрічі проходять у громадському місці.\nКонтактами обмінюються, лише якщо обидві згодні.\nКожна може припинити після будь-якої зустрічі, без провини і без пояснень.',
    'Une personne référente propose les binômes, reste joignable par les deux personnes et fait un point avec chacune au bout de deux semaines. Elle aide à mettre fin au binôme s’il ne convient pas.':
        'Відповідальний волонтер пропонує пари, залишається на зв’язку з обома людьми і через два тижні говорить з кожною, як справи. Він допомагає завершити пару, якщо вона не підходить.',
    'Chacun garde la charte du binôme et le contact de la personne référente. Un point de suivi est prévu au bout de deux semaines.':
        'Кожен зберігає хартію пари і контакт відповідального волонтера. Через два тижні запланована розмова-перевірка.',
    'Recueillir les envies et disponibilités de chaque personne.\nPréparer la charte courte du binôme.\nChoisir un lieu public pour la première rencontre.\nNoter la date du point de suivi, deux semaines plus tard.':
        'Дізнатися бажання і вільний час кожної людини.\nПідготувати коротку хартію пари.\nВибрати громадське місце для першої зустрічі.\nЗаписати дату розмови-перевірки через два тижні.',
    'Le lieu et le moment sont choisis avec les deux personnes, selon leur mobilité, leur langue et leurs horaires. La personne référente peut accompagner la première rencontre.':
        'Місце і час вибирають разом з обома людьми, з огляду на те, як вони пересуваються, якою мовою говорять і коли вільні. Відповідальний волонтер може прийти на першу зустріч разом із ними.',
    'Atelier « numérique apaisé »':
        'Майстерня «спокійний інтернет»',
    'Apprendre à utiliser les messageries et les groupes en ligne pour garder le contact, sans trop s’exposer : régler la confidentialité de ses comptes et reconnaître les signaux qui doivent alerter.':
        'Навчитися користуватися месенджерами та онлайн-групами, щоб підтримувати зв’язок і не розкривати про себе забагато: налаштувати приватність своїх облікових записів і впізнавати тривожні сигнали.',
    'On avance au rythme de chacun ; aucune question n’est bête.\nPersonne ne touche au téléphone d’un autre sans son accord.\nOn ne montre pas ses messages personnels au groupe.\nAucun mot de passe n’est demandé ni noté.':
        'Кожен рухається у своєму темпі; дурних запитань не буває.\nНіхто не торкається чужого телефона без дозволу.\nНе показуємо групі свої особисті повідомлення.\nПаролі не питають і не записують.',
    'Une personne accueille et aide chacun à s’installer avec son appareil.\nUne personne anime : elle montre les réglages pas à pas sur un exemple.\nLa personne référente reste présente si un échange en ligne a inquiété quelqu’un et oriente vers l’aide adaptée.':
        'Одна людина зустрічає учасників і допомагає кожному влаштуватися зі своїм пристроєм.\nОдна людина веде майстерню: крок за кроком показує налаштування на прикладі.\nВідповідальний волонтер поруч, якщо когось стривожило листування в інтернеті, і направляє до відповідної допомоги.',
    'Chacun repart avec ses réglages de confidentialité faits et un aide-mémoire des signaux d’alerte, avec les numéros d’aide.':
        'Кожен іде з готовими налаштуваннями приватності та пам’яткою про тривожні сигнали з номерами допомоги.',
    'Réserver une salle avec prises électriques et connexion internet.\nPréparer un téléphone et une tablette de démonstration.\nImprimer l’aide-mémoire des signaux d’alerte et la fiche ressources locales.':
        'Забронювати залу з електричними розетками та інтернетом.\nПідготувати телефон і планшет для показу.\nНадрукувати пам’ятку про тривожні сигнали і аркуш місцевих ресурсів.',
    'Salle de plain-pied. Écrire en grands caractères au tableau. Prévoir des appareils à prêter pour les personnes qui n’en ont pas. On peut venir accompagné d’un proche.':
        'Зала без сходинок. Писати на дошці великими літерами. Мати пристрої, які можна позичити тим, у кого їх немає. Можна прийти з близькою людиною.',
    'Marche douce':
        'Легка прогулянка',
    'Une courte marche en ville, de 45 minutes à une heure, pour bouger un peu et discuter en chemin. Il ne s’agit pas de performance : on marche au pas de la personne la plus lente.':
        'Коротка прогулянка містом, від 45 хвилин до години, щоб трохи порухатися і поговорити дорогою. Це не змагання: ідемо в темпі найповільнішої людини.',
    'Le parcours est facile, sans dénivelé, avec des endroits pour s’asseoir.\nLe groupe part et revient au même lieu public.\nPersonne n’est laissé derrière ; on peut s’arrêter à tout moment.\nChacun peut quitter la marche en prévenant la personne ressource.':
        'Маршрут легкий, без підйомів, є де посидіти.\nГрупа вирушає з одного громадського місця і туди ж повертається.\nНікого не залишаємо позаду; можна зупинитися будь-коли.\nКожен може піти з прогулянки, попередивши помічника.',
    'Une personne anime : elle ouvre la marche et règle le rythme.\nUne personne ressource, bien visible (gilet ou badge), ferme la marche et répond aux questions.\nLa personne référente a les numéros d’urgence sur elle et connaît le parcours.':
        'Одна людина веде прогулянку: іде попереду і задає темп.\nПомічник, якого добре видно (жилет або бейдж), іде позаду і відповідає на запитання.\nВідповідальний волонтер має при собі номери екстреної допомоги і знає маршрут.',
    'On repart avec le plan du parcours, pour le refaire seul ou à plusieurs, et la fiche des ressources locales.':
        'Кожен отримує карту маршруту, щоб пройти його знову самому чи з іншими, і аркуш місцевих ресурсів.',
    'Repérer un parcours facile et ses bancs.\nChoisir un lieu public de départ et d’arrivée, avec des toilettes.\nRegarder la météo et prévoir de l’eau.\nPrévoir un gilet ou un badge pour la personne ressource.':
        'Знайти легкий маршрут і лавки на ньому.\nВибрати громадське місце для початку і кінця, з туалетом.\nПодивитися прогноз погоди і взяти воду.\nПідготувати жилет або бейдж для помічника.',
    'Parcours sans marches ni pentes raides, praticable en fauteuil ou avec une canne. Pauses régulières. Le lieu de départ est accessible et abrité en cas de pluie.':
        'Маршрут без сходинок і крутих схилів, можна пройти на візку або з ціпком. Регулярні перерви. Місце початку доступне, є де сховатися від дощу.',
    'Club lecture / écriture':
        'Клуб читання / письма',
    'Lire ensemble des textes courts et écrire à partir de consignes très ouvertes, comme « une page, un souvenir ». L’écriture sert de prétexte pour se rencontrer, pas de concours.':
        'Разом читати короткі тексти і писати за дуже вільними завданнями, наприклад «одна сторінка, один спогад». Письмо — це привід зустрітися, а не конкурс.',
    'Chacun écrit ce qu’il veut, comme il veut ; il n’y a pas de bonne réponse.\nLire son texte à voix haute n’est jamais obligatoire.\nOn peut demander que son texte soit lu par quelqu’un d’autre, sans dire qui l’a écrit.\nOn commente avec bienveillance, ou pas du tout.':
        'Кожен пише, що хоче і як хоче; правильної відповіді немає.\nЧитати свій текст уголос ніколи не обов’язково.\nМожна попросити, щоб ваш текст прочитав хтось інший, не кажучи, хто його написав.\nКоментуємо доброзичливо або не коментуємо зовсім.',
    'Une personne accueille et distribue le papier et les stylos.\nUne personne anime : elle lit un texte court, donne la consigne et tient le temps.\nUne personne clôt la séance et propose la consigne de la prochaine fois.\nLa personne référente reste attentive : un souvenir peut réveiller des émotions.':
        'Одна людина зустрічає учасників і роздає папір і ручки.\nОдна людина веде зустріч: читає короткий текст, дає завдання і стежить за часом.\nОдна людина завершує зустріч і пропонує завдання на наступний раз.\nВідповідальний волонтер уважний: спогад може пробудити емоції.',
    'Chacun garde son texte. Ceux qui le souhaitent peuvent le déposer de façon anonyme dans un recueil commun.':
        'Кожен залишає свій текст собі. Хто хоче, може анонімно додати його до спільної збірки.',
    'Choisir deux ou trois textes courts et une consigne ouverte.\nPrévoir papier, stylos et quelques dictionnaires.\nRéserver une salle calme, par exemple à la médiathèque.':
        'Вибрати два-три короткі тексти і вільне завдання.\nПідготувати папір, ручки і кілька словників.\nЗабронювати тиху залу, наприклад у бібліотеці.',
    'Salle calme de plain-pied. Textes imprimés en gros caractères. On peut dicter son texte à quelqu’un ou simplement écouter.':
        'Тиха зала без сходинок. Тексти надруковані великим шрифтом. Можна продиктувати свій текст комусь або просто слухати.',
    'Micro-ateliers « faire ensemble »':
        'Міні-майстерні «робимо разом»',
    'Faire quelque chose de ses mains à plusieurs : échanger des graines et des boutures, réparer des objets simples, cuisiner sans gaspiller. On fait d’abord, on parle ensuite, quand la confiance est là.':
        'Разом робити щось своїми руками: обмінюватися насінням і живцями, лагодити прості речі, готувати без відходів. Спочатку робимо, потім говоримо, коли з’являється довіра.',
    'Personne n’a besoin de savoir-faire : on apprend les uns des autres.\nOn peut regarder avant de participer.\nLes outils se partagent et se rangent ensemble.\nLes consignes de sécurité sont rappelées au début.':
        'Не потрібно нічого вміти: ми вчимося одне в одного.\nМожна спочатку подивитися, а потім долучитися.\nІнструментами користуємося разом і разом їх прибираємо.\nНа початку нагадують правила безпеки.',
    'Une personne accueille et présente l’activité du jour.\nUne personne anime : elle montre les gestes et fait circuler les outils.\nUne personne clôt l’atelier autour d’une boisson, le moment où l’on parle.\nLa personne référente veille à la sécurité et au bien-être de chacun.':
        'Одна людина зустрічає учасників і розповідає про заняття цього дня.\nОдна людина веде майстерню: показує, що робити, і передає інструменти.\nОдна людина завершує майстерню за напоями — це час для розмови.\nВідповідальний волонтер стежить за безпекою і за тим, щоб усім було добре.',
    'On repart avec ce qu’on a fait : une bouture, un objet réparé, un plat ou une recette, et la fiche des ressources locales.':
        'Кожен забирає те, що зробив: живець, полагоджену річ, страву чи рецепт, а також аркуш місцевих ресурсів.',
    'Choisir une activité simple et le matériel qui va avec.\nVérifier les règles de la salle (eau, cuisine, prises).\nPrévoir une trousse de premiers secours.\nPrévoir des boissons pour le temps d’échange final.':
        'Вибрати просте заняття і потрібні для нього матеріали.\nПеревірити правила зали (вода, кухня, розетки).\nПідготувати аптечку першої допомоги.\nПідготувати напої для розмови наприкінці.',
    'Salle de plain-pied avec des tables à hauteur réglable si possible. Des tâches assises et debout. Le matériel est fourni : rien à acheter.':
        'Зала без сходинок, якщо можливо — зі столами, висоту яких можна змінювати. Є завдання, які можна робити сидячи і стоячи. Матеріали надаються: нічого не треба купувати.',
    'Point « aller-vers »':
        'Пункт «ми йдемо до вас»',
    'Une présence discrète, une à deux heures, dans le hall d’un lieu public (médiathèque, mairie), sans rendez-vous. Le but est d’informer sur ce qui existe près de chez soi, pas d’évaluer les personnes.':
        'Непомітна присутність протягом однієї-двох годин у холі громадського місця (бібліотека, мерія), без запису. Мета — розповісти, що є поруч із домом, а не оцінювати людей.',
    'On ne va pas au-devant des gens avec insistance : on se rend disponible.\nAucune question personnelle n’est posée ; la personne dit ce qu’elle veut.\nAucun nom n’est noté.\nOn informe et on oriente ; on ne juge ni n’évalue.':
        'Ми не підходимо до людей наполегливо: ми просто доступні.\nЖодних особистих запитань; людина каже те, що хоче.\nІмен не записують.\nМи інформуємо і направляємо; ми не осуджуємо і не оцінюємо.',
    'Une personne accueille au stand et répond aux questions.\nUne personne ressource connaît bien les services de la ville et peut accompagner vers le bon guichet.\nLa personne référente reste joignable pendant toute la présence.':
        'Одна людина зустрічає біля стенда і відповідає на запитання.\nПомічник добре знає служби міста і може провести до потрібного віконця.\nВідповідальний волонтер на зв’язку весь час.',
    'Les personnes qui le souhaitent repartent avec la fiche des ressources locales et le programme des rencontres à venir.':
        'Хто хоче, отримує аркуш місцевих ресурсів і програму майбутніх зустрічей.',
    'Obtenir l’accord du lieu et un emplacement visible mais calme.\nPrévoir une petite table, deux chaises et une affiche simple.\nImprimer la fiche ressources locales et le programme des rencontres.':
        'Отримати згоду місця і помітне, але тихе місце для стенда.\nПідготувати невеликий стіл, два стільці і простий плакат.\nНадрукувати аркуш місцевих ресурсів і програму зустрічей.',
    'Le stand est placé dans un hall de plain-pied, à l’écart du passage. Des documents en version facile à lire et traduits sont disponibles. Une chaise est proposée à qui veut s’asseoir.':
        'Стенд стоїть у холі без сходинок, осторонь від проходу. Є документи для легкого читання та перекладені документи. Кожному, хто хоче сісти, пропонують стілець.',
    'Consultations gratuites avec des infirmiers, psychologues et psychiatres, pour toute personne adulte qui traverse une période difficile. Premier rendez-vous rapide, sans passer par un médecin.':
        'Безкоштовні консультації з медсестрами, психологами і психіатрами для кожної дорослої людини, якій зараз важко. Перший прийом швидко, без направлення від лікаря.',
    "Soins psychologiques pour les enfants et les jeunes jusqu'à 18 ans, avec leurs parents. Les rendez-vous se prennent par téléphone.":
        'Психологічна допомога дітям і молоді до 18 років разом із батьками. Записатися можна по телефону.',
    'Quatre médecins généralistes, des infirmières et une sage-femme. Ils acceptent de nouveaux patients et pratiquent le tiers payant.':
        'Четверо лікарів загальної практики, медсестри й акушерка. Вони приймають нових пацієнтів; платити наперед не потрібно — страховка оплачує напряму.',
    'Deux médecins généralistes. Visites à domicile pour les personnes qui ne peuvent pas se déplacer.':
        'Двоє лікарів загальної практики. Візити додому для людей, які не можуть прийти самі.',
    'Consultations de médecine générale et de psychologie pour les étudiantes et les étudiants, sans avance de frais.':
        'Консультації лікаря загальної практики і психолога для студенток і студентів, без оплати наперед.',
    'Suivi gratuit des futurs parents et des enfants de moins de 6 ans : pesées, vaccins, conseils, écoute.':
        'Безкоштовний супровід майбутніх батьків і дітей до 6 років: зважування, щеплення, поради, підтримка.',
    'Aides financières, domiciliation, accompagnement des personnes âgées et des familles. Un travailleur social vous reçoit sur rendez-vous ou à la permanence.':
        'Фінансова допомога, поштова адреса для тих, хто не має житла, супровід людей похилого віку та сімей. Соціальний працівник приймає за записом або в години прийому.',
    "Une permanence du CCAS près de chez vous, sans rendez-vous, pour vos démarches d'aide sociale.":
        'Прийом CCAS поруч із вами, без запису, щоб допомогти з оформленням соціальної допомоги.',
    'Des agents vous aident pour vos démarches en ligne : impôts, retraite, CAF, assurance maladie, emploi. Ordinateurs en libre accès.':
        'Працівники допоможуть вам з онлайн-справами: податки, пенсія, CAF (сімейні виплати), медичне страхування, робота. Комп’ютери у вільному доступі.',
    "Le bus France services s'arrête aux Prés chaque jeudi matin pour vous aider dans vos démarches.":
        'Автобус France services щочетверга вранці зупиняється в Les Prés, щоб допомогти вам з оформленням документів.',
    'Informations juridiques gratuites et confidentielles avec un avocat ou un conciliateur : logement, famille, travail, dettes.':
        'Безкоштовні й конфіденційні юридичні консультації з адвокатом або примирителем: житло, сім’я, робота, борги.',
    'Des bénévoles formés vous aident à comprendre un courrier et à faire valoir vos droits.':
        'Навчені волонтери допоможуть вам зрозуміти лист і захистити свої права.',
    'Questions de logement, de bourse ou de titre de séjour : une juriste répond aux étudiants.':
        'Питання житла, стипендії чи посвідки на проживання: юристка відповідає студентам.',
    'Écoute, information sur vos droits et accompagnement après une agression, un vol ou un accident. Gratuit et confidentiel.':
        'Підтримка, інформація про ваші права і супровід після нападу, крадіжки або нещасного випадку. Безкоштовно й конфіденційно.',
    "Des bénévoles formés à l'écoute vous répondent le soir, quand la solitude pèse. Anonyme et gratuit.":
        'Волонтери, навчені слухати, відповідають вам увечері, коли самотність гнітить. Анонімно й безкоштовно.',
    "Des étudiants formés écoutent d'autres étudiants, la nuit, sans jugement.":
        'Навчені студенти слухають інших студентів уночі, не осуджуючи.',
    'Vous accompagnez un proche malade, âgé ou handicapé ? Une professionnelle vous écoute et vous oriente.':
        'Ви доглядаєте близьку людину, яка хворіє, має інвалідність або похилий вік? Фахівчиня вислухає вас і підкаже, куди звернутися.',
    "Le premier point de contact pour toute question sur la ville : l'accueil vous oriente vers le bon service.":
        'Перше місце, куди можна звернутися з будь-яким питанням про місто: тут вам підкажуть потрібну службу.',
    'Salles municipales, aide aux associations, Passerelle : le service répond aux associations et aux bénévoles.':
        'Муніципальні зали, допомога асоціаціям, Passerelle: служба відповідає асоціаціям і волонтерам.',
    'État civil, inscriptions scolaires et informations de la mairie, près de chez vous.':
        'Реєстрація актів цивільного стану, запис до школи та інформація мерії поруч із вами.',
    'Une situation sociale urgente : plus de chauffage, plus de quoi manger, une expulsion.':
        'Термінова соціальна ситуація: немає опалення, немає що їсти, виселення.',
    'Parler à un soignant quand on va mal, sans attendre un rendez-vous.':
        'Поговорити з медиком, коли вам погано, не чекаючи запису.',
    'Un problème urgent dans la ville la nuit ou le week-end.':
        'Термінова проблема в місті вночі або у вихідні.',
    "Charte des binômes de convivialité\n\nParticiper est volontaire.\nUn binôme ne commence que lorsque les deux personnes ont dit oui.\nLa première rencontre a lieu dans un lieu public : un café, la médiathèque, une maison de quartier.\nChacun peut arrêter à tout moment, sans avoir à donner de raison.\nOn peut ensuite revenir dans la file d'attente, si on le souhaite.\nRien n'est transmis à l'autre personne sans votre accord.\nElle ne voit votre prénom que lorsque vous avez accepté tous les deux.\nLa personne chargée de la médiation prend des nouvelles de chacun deux semaines après le début du binôme.\nSi vous quittez les binômes, vos données sont effacées aussitôt.\nSeuls des chiffres anonymes sont gardés.":
        'Хартія пар для дружнього спілкування\n\nУчасть добровільна.\nПара починається лише тоді, коли обидві людини сказали «так».\nПерша зустріч відбувається в громадському місці: кафе, бібліотека, районний центр.\nКожен може припинити будь-коли, не пояснюючи причини.\nПотім можна повернутися в чергу, якщо хочеться.\nІнша людина нічого не отримає без вашої згоди.\nВона побачить ваше ім’я лише тоді, коли ви обоє погодилися.\nМедіатор дізнається, як справи в кожного, через два тижні після початку пари.\nЯкщо ви виходите з пар, ваші дані одразу видаляються.\nЗберігаються лише анонімні числа.',
    # How to get to the demo places (portal/demo.py PLACES).
    'Bus 3 et 7, arrêt Mairie. Entrée de plain-pied par la rue Victor-Hugo.':
        'Автобуси 3 і 7, зупинка Mairie. Вхід без сходинок з вулиці Victor-Hugo.',
    'À deux minutes à pied de la mairie. Accueil au rez-de-chaussée.':
        'Дві хвилини пішки від мерії. Прийом відвідувачів на першому поверсі.',
    "Tram A, arrêt Les Prés. Ascenseur à gauche de l'entrée.":
        'Трамвай A, зупинка Les Prés. Ліфт ліворуч від входу.',
    "Bus 5, arrêt Tisserands. Parking vélo devant l'entrée.":
        'Автобус 5, зупинка Tisserands. Велопарковка перед входом.',
    'Bus 7, arrêt Stade. Salle polyvalente au premier étage, avec ascenseur.':
        'Автобус 7, зупинка Stade. Багатофункціональна зала на другому поверсі, є ліфт.',
    'Tram A, arrêt Université. Suivre les panneaux « Santé ».':
        'Трамвай A, зупинка Université. Ідіть за вказівниками «Santé» (здоров’я).',
}
