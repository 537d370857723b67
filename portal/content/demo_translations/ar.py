"""The demo town's texts in Arabic, by their French (standard) text: see portal/content/demo.py."""

TEXTS = {
    'Café-échanges':
        'مقهى الحوار',
    'Un moment convivial autour d’un café pour parler d’un sujet simple du quotidien, comme « parler à un proche » ou « la solitude du soir ». On vient pour écouter, pour partager si on en a envie, et pour rencontrer des personnes du quartier.':
        'لحظة ودّية حول فنجان قهوة، للكلام عن موضوع بسيط من الحياة اليومية، مثل «التحدث إلى شخص قريب» أو «الوحدة في المساء». نأتي لنُصغي، ولنشارك إذا رغبنا، ولنتعرّف على أشخاص من الحي.',
    'Les règles sont affichées et rappelées en une minute au début.\nCe qui se dit ici reste ici.\nChacun parle s’il le souhaite ; on peut aussi simplement écouter.\nOn peut partir à tout moment, sans se justifier.\nPas de jugement, pas de conseils que personne n’a demandés.':
        'القواعد معلَّقة، ونذكّر بها في دقيقة واحدة في البداية.\nما يُقال هنا يبقى هنا.\nيتكلم كل شخص إذا رغب؛ ويمكن أيضًا أن نُصغي فقط.\nيمكن المغادرة في أي وقت، دون شرح السبب.\nلا أحكام، ولا نصائح لم يطلبها أحد.',
    'Une personne accueille à la porte et présente le lieu.\nUne personne anime : elle propose le thème, distribue la parole et veille au temps.\nUne personne clôt la rencontre et remet les ressources.\nLa personne référente reste joignable et sait quoi faire si quelqu’un ne va pas bien. Quand c’est possible, l’animation se fait à deux : une personne formée à l’écoute et une personne concernée.':
        'شخص يستقبل الحاضرين عند الباب ويعرّفهم بالمكان.\nشخص يدير اللقاء: يقترح الموضوع، ويوزّع الكلام، وينتبه إلى الوقت.\nشخص يختم اللقاء ويوزّع الموارد.\nالشخص المسؤول يبقى متاحًا للاتصال ويعرف ماذا يفعل إذا كان أحد ليس بخير. عندما يكون ذلك ممكنًا، يدير اللقاء شخصان: شخص مدرَّب على الإصغاء وشخص عاش التجربة نفسها.',
    'Chaque participant repart avec la fiche des ressources locales : lieux d’aide, numéros utiles et contacts de la mairie.':
        'يغادر كل مشارك ومعه ورقة الموارد المحلية: أماكن المساعدة، والأرقام المفيدة، ووسائل الاتصال بالبلدية.',
    'Réserver une salle calme de 8 à 12 places.\nImprimer la charte d’accueil, la fiche ressources locales et le plan d’escalade.\nAfficher les règles et les numéros d’urgence.\nPrévoir boissons chaudes, gobelets et un thème simple.':
        'حجز قاعة هادئة من 8 إلى 12 مقعدًا.\nطباعة ميثاق الاستقبال، وورقة الموارد المحلية، وخطة التصعيد.\nتعليق القواعد وأرقام الطوارئ.\nتحضير مشروبات ساخنة، وأكواب، وموضوع بسيط.',
    'Salle de plain-pied avec des sièges confortables. Indiquer l’horaire, l’accès et la gratuité sur l’affiche. On peut venir avec un proche. Une version facile à lire des règles est disponible.':
        'قاعة بدون درج، فيها مقاعد مريحة. اكتبوا على الملصق الموعد، وطريقة الوصول، وأن اللقاء مجاني. يمكن الحضور مع شخص قريب. توجد نسخة سهلة القراءة من القواعد.',
    'Cercle d’écoute':
        'حلقة الإصغاء',
    'Un temps d’écoute en cercle où chacun peut dire ce qu’il vit, à son tour, et être écouté sans être interrompu ni conseillé.':
        'وقت للإصغاء في حلقة، يستطيع فيه كل شخص، بدوره، أن يقول ما يعيشه، وأن يُسمَع دون مقاطعة ودون نصائح.',
    'Chaque tour de parole a une durée fixée, suivie à la montre.\nOn a le droit de passer son tour.\nPas de conseils si la personne n’en demande pas.\nCe qui est dit dans le cercle reste dans le cercle.\nOn peut quitter le cercle à tout moment.':
        'لكل دور في الكلام مدة محددة، نتابعها بالساعة.\nمن حق كل شخص أن يترك دوره.\nلا نصائح إذا لم يطلبها الشخص.\nما يُقال في الحلقة يبقى في الحلقة.\nيمكن مغادرة الحلقة في أي وقت.',
    'Une personne accueille et installe le cercle.\nUne personne anime : elle rappelle les règles, tient le temps de chaque tour et veille à ce que personne ne soit interrompu.\nUne personne clôt par un dernier tour court et présente le questionnaire.\nLa personne référente sait comment accompagner quelqu’un qui a besoin d’une pause. L’écoute n’est pas une thérapie : on oriente vers les professionnels si besoin.':
        'شخص يستقبل الحاضرين ويرتّب الحلقة.\nشخص يدير اللقاء: يذكّر بالقواعد، ويراقب وقت كل دور، وينتبه ألّا يُقاطَع أحد.\nشخص يختم بجولة أخيرة قصيرة ويقدّم الاستبيان.\nالشخص المسؤول يعرف كيف يرافق شخصًا يحتاج إلى استراحة. الإصغاء ليس علاجًا: نوجّه الناس إلى المختصين عند الحاجة.',
    'Avant de partir, chacun peut donner son ressenti de façon anonyme, en répondant à trois questions courtes.':
        'قبل المغادرة، يمكن لكل شخص أن يعطي رأيه في ما شعر به بدون اسم، بالإجابة عن ثلاثة أسئلة قصيرة.',
    'Réserver une salle calme, sans passage.\nDisposer les chaises en cercle.\nPrévoir une montre ou un minuteur discret.\nImprimer les trois questions du ressenti anonyme et la fiche ressources locales.':
        'حجز قاعة هادئة، لا يمرّ منها أحد.\nترتيب الكراسي في حلقة.\nتحضير ساعة أو مؤقّت هادئ.\nطباعة الأسئلة الثلاثة للرأي بدون اسم، وورقة الموارد المحلية.',
    'Salle de plain-pied, au calme, avec un éclairage doux. Des sièges avec accoudoirs pour ceux qui en ont besoin. Annoncer la durée des tours à l’avance rassure les personnes qui parlent peu.':
        'قاعة بدون درج، هادئة، بإضاءة خفيفة. كراسٍ بمساند للذراعين لمن يحتاج إليها. الإعلان عن مدة الأدوار مسبقًا يطمئن الأشخاص الذين يتكلمون قليلًا.',
    'Binômes de convivialité':
        'ثنائيات الأُلفة',
    'Mettre en relation deux personnes qui le souhaitent toutes les deux, pour partager un moment simple : une marche, un café, une visite à la médiathèque.':
        'ربط شخصين يرغبان كلاهما في ذلك، ليتشاركا لحظة بسيطة: نزهة، أو فنجان قهوة، أو زيارة إلى المكتبة.',
    'Les deux personnes donnent leur accord, en sachant à quoi elles s’engagent.\nUne charte courte est lue et acceptée par chacune.\nLes premières rencontres ont lieu dans un lieu public.\nLes coordonnées ne sont échangées que si les deux sont d’accord.\nChacune peut arrêter après une rencontre, sans faute ni justification.':
        'يعطي الشخصان موافقتهما، وهما يعرفان بماذا يلتزمان.\nيقرأ كل واحد ميثاقًا قصيرًا ويقبله.\nتكون اللقاءات الأولى في مكان عام.\nلا يتم تبادل معلومات الاتصال إلا إذا وافق الاثنان.\nيمكن لكل واحد أن يتوقف بعد لقاء واحد، دون لوم ودون شرح السبب.',
    'Une personne référente propose les binômes, reste joignable par les deux personnes et fait un point avec chacune au bout de deux semaines. Elle aide à mettre fin au binôme s’il ne convient pas.':
        'شخص مسؤول يقترح الثنائيات، ويبقى متاحًا للشخصين، ويسأل كل واحد عن أحواله بعد أسبوعين. ويساعد على إنهاء الثنائي إذا لم يكن مناسبًا.',
    'Chacun garde la charte du binôme et le contact de la personne référente. Un point de suivi est prévu au bout de deux semaines.':
        'يحتفظ كل واحد بميثاق الثنائي وبوسيلة الاتصال بالشخص المسؤول. المتابعة مقرَّرة بعد أسبوعين.',
    'Recueillir les envies et disponibilités de chaque personne.\nPréparer la charte courte du binôme.\nChoisir un lieu public pour la première rencontre.\nNoter la date du point de suivi, deux semaines plus tard.':
        'معرفة رغبات كل شخص وأوقات فراغه.\nتحضير الميثاق القصير للثنائي.\nاختيار مكان عام للقاء الأول.\nتسجيل تاريخ المتابعة، بعد أسبوعين.',
    'Le lieu et le moment sont choisis avec les deux personnes, selon leur mobilité, leur langue et leurs horaires. La personne référente peut accompagner la première rencontre.':
        'يُختار المكان والوقت مع الشخصين، حسب قدرتهما على التنقل، ولغتهما، ومواعيدهما. يمكن للشخص المسؤول أن يرافقهما في اللقاء الأول.',
    'Atelier « numérique apaisé »':
        'ورشة «الإنترنت بهدوء»',
    'Apprendre à utiliser les messageries et les groupes en ligne pour garder le contact, sans trop s’exposer : régler la confidentialité de ses comptes et reconnaître les signaux qui doivent alerter.':
        'تعلّم استخدام تطبيقات الرسائل والمجموعات على الإنترنت للبقاء على تواصل، دون كشف الكثير عن النفس: ضبط خصوصية الحسابات، ومعرفة العلامات التي يجب أن تنبّهنا.',
    'On avance au rythme de chacun ; aucune question n’est bête.\nPersonne ne touche au téléphone d’un autre sans son accord.\nOn ne montre pas ses messages personnels au groupe.\nAucun mot de passe n’est demandé ni noté.':
        'نتقدم حسب سرعة كل شخص؛ لا يوجد سؤال سخيف.\nلا أحد يلمس هاتف شخص آخر دون موافقته.\nلا نعرض رسائلنا الشخصية على المجموعة.\nلا نطلب أي كلمة مرور ولا نكتبها.',
    'Une personne accueille et aide chacun à s’installer avec son appareil.\nUne personne anime : elle montre les réglages pas à pas sur un exemple.\nLa personne référente reste présente si un échange en ligne a inquiété quelqu’un et oriente vers l’aide adaptée.':
        'شخص يستقبل الحاضرين ويساعد كل واحد على تجهيز جهازه.\nشخص يدير الورشة: يعرض الإعدادات خطوة بخطوة على مثال.\nالشخص المسؤول يبقى حاضرًا إذا أقلق تواصلٌ على الإنترنت أحدَ الحاضرين، ويوجّهه إلى المساعدة المناسبة.',
    'Chacun repart avec ses réglages de confidentialité faits et un aide-mémoire des signaux d’alerte, avec les numéros d’aide.':
        'يغادر كل شخص وقد ضبط إعدادات الخصوصية، ومعه ورقة تذكير بعلامات الخطر، مع أرقام المساعدة.',
    'Réserver une salle avec prises électriques et connexion internet.\nPréparer un téléphone et une tablette de démonstration.\nImprimer l’aide-mémoire des signaux d’alerte et la fiche ressources locales.':
        'حجز قاعة فيها مآخذ كهرباء واتصال بالإنترنت.\nتحضير هاتف ولوح إلكتروني للعرض.\nطباعة ورقة التذكير بعلامات الخطر وورقة الموارد المحلية.',
    'Salle de plain-pied. Écrire en grands caractères au tableau. Prévoir des appareils à prêter pour les personnes qui n’en ont pas. On peut venir accompagné d’un proche.':
        'قاعة بدون درج. الكتابة بحروف كبيرة على السبورة. تحضير أجهزة للإعارة للأشخاص الذين ليس لديهم جهاز. يمكن الحضور مع شخص قريب.',
    'Marche douce':
        'نزهة هادئة',
    'Une courte marche en ville, de 45 minutes à une heure, pour bouger un peu et discuter en chemin. Il ne s’agit pas de performance : on marche au pas de la personne la plus lente.':
        'مشي قصير في المدينة، من 45 دقيقة إلى ساعة، لنتحرك قليلًا ونتحدث في الطريق. المهم ليس السرعة: نمشي على خطى الشخص الأبطأ.',
    'Le parcours est facile, sans dénivelé, avec des endroits pour s’asseoir.\nLe groupe part et revient au même lieu public.\nPersonne n’est laissé derrière ; on peut s’arrêter à tout moment.\nChacun peut quitter la marche en prévenant la personne ressource.':
        'الطريق سهل، بدون صعود أو نزول، وفيه أماكن للجلوس.\nتنطلق المجموعة من المكان العام نفسه وتعود إليه.\nلا يُترك أحد في الخلف؛ ويمكن التوقف في أي وقت.\nيمكن لكل شخص أن يترك النزهة بعد إبلاغ شخص الدعم.',
    'Une personne anime : elle ouvre la marche et règle le rythme.\nUne personne ressource, bien visible (gilet ou badge), ferme la marche et répond aux questions.\nLa personne référente a les numéros d’urgence sur elle et connaît le parcours.':
        'شخص يدير النزهة: يمشي في المقدمة ويضبط السرعة.\nشخص الدعم، ظاهر بوضوح (سترة أو شارة)، يمشي في الخلف ويجيب عن الأسئلة.\nالشخص المسؤول يحمل أرقام الطوارئ ويعرف الطريق.',
    'On repart avec le plan du parcours, pour le refaire seul ou à plusieurs, et la fiche des ressources locales.':
        'نغادر ومعنا خريطة الطريق، لنمشيه من جديد وحدنا أو مع آخرين، وورقة الموارد المحلية.',
    'Repérer un parcours facile et ses bancs.\nChoisir un lieu public de départ et d’arrivée, avec des toilettes.\nRegarder la météo et prévoir de l’eau.\nPrévoir un gilet ou un badge pour la personne ressource.':
        'اختيار طريق سهل ومعرفة أماكن المقاعد فيه.\nاختيار مكان عام للانطلاق والوصول، فيه مراحيض.\nالنظر في حالة الطقس وتحضير الماء.\nتحضير سترة أو شارة لشخص الدعم.',
    'Parcours sans marches ni pentes raides, praticable en fauteuil ou avec une canne. Pauses régulières. Le lieu de départ est accessible et abrité en cas de pluie.':
        'طريق بدون درج ولا منحدرات قوية، يمكن سلوكه بكرسي متحرك أو بعصا. استراحات منتظمة. مكان الانطلاق يسهل الوصول إليه ومحمي من المطر.',
    'Club lecture / écriture':
        'نادي القراءة والكتابة',
    'Lire ensemble des textes courts et écrire à partir de consignes très ouvertes, comme « une page, un souvenir ». L’écriture sert de prétexte pour se rencontrer, pas de concours.':
        'نقرأ معًا نصوصًا قصيرة ونكتب انطلاقًا من أفكار مفتوحة جدًا، مثل «صفحة واحدة، ذكرى واحدة». الكتابة سبب للالتقاء، وليست مسابقة.',
    'Chacun écrit ce qu’il veut, comme il veut ; il n’y a pas de bonne réponse.\nLire son texte à voix haute n’est jamais obligatoire.\nOn peut demander que son texte soit lu par quelqu’un d’autre, sans dire qui l’a écrit.\nOn commente avec bienveillance, ou pas du tout.':
        'يكتب كل شخص ما يريد، كما يريد؛ لا توجد إجابة صحيحة.\nقراءة النص بصوت عالٍ ليست إلزامية أبدًا.\nيمكن أن نطلب من شخص آخر قراءة نصنا، دون قول مَن كتبه.\nنعلّق بلطف، أو لا نعلّق أبدًا.',
    'Une personne accueille et distribue le papier et les stylos.\nUne personne anime : elle lit un texte court, donne la consigne et tient le temps.\nUne personne clôt la séance et propose la consigne de la prochaine fois.\nLa personne référente reste attentive : un souvenir peut réveiller des émotions.':
        'شخص يستقبل الحاضرين ويوزّع الورق والأقلام.\nشخص يدير الجلسة: يقرأ نصًا قصيرًا، ويعطي فكرة الكتابة، وينتبه إلى الوقت.\nشخص يختم الجلسة ويقترح فكرة المرة القادمة.\nالشخص المسؤول يبقى منتبهًا: الذكرى قد توقظ مشاعر.',
    'Chacun garde son texte. Ceux qui le souhaitent peuvent le déposer de façon anonyme dans un recueil commun.':
        'يحتفظ كل شخص بنصه. ومن يرغب يمكنه أن يضعه بدون اسم في مجموعة نصوص مشتركة.',
    'Choisir deux ou trois textes courts et une consigne ouverte.\nPrévoir papier, stylos et quelques dictionnaires.\nRéserver une salle calme, par exemple à la médiathèque.':
        'اختيار نصين أو ثلاثة نصوص قصيرة وفكرة كتابة مفتوحة.\nتحضير الورق والأقلام وبعض القواميس.\nحجز قاعة هادئة، مثلًا في المكتبة.',
    'Salle calme de plain-pied. Textes imprimés en gros caractères. On peut dicter son texte à quelqu’un ou simplement écouter.':
        'قاعة هادئة بدون درج. نصوص مطبوعة بحروف كبيرة. يمكن أن نُملي نصنا على شخص آخر أو أن نُصغي فقط.',
    'Micro-ateliers « faire ensemble »':
        'ورشات صغيرة «نصنع معًا»',
    'Faire quelque chose de ses mains à plusieurs : échanger des graines et des boutures, réparer des objets simples, cuisiner sans gaspiller. On fait d’abord, on parle ensuite, quand la confiance est là.':
        'نصنع شيئًا بأيدينا مع آخرين: تبادل البذور والشتلات، وإصلاح أشياء بسيطة، والطبخ دون تبذير. نعمل أولًا، ثم نتكلم، عندما تأتي الثقة.',
    'Personne n’a besoin de savoir-faire : on apprend les uns des autres.\nOn peut regarder avant de participer.\nLes outils se partagent et se rangent ensemble.\nLes consignes de sécurité sont rappelées au début.':
        'لا أحد يحتاج إلى مهارة: نتعلم من بعضنا.\nيمكن أن نشاهد قبل أن نشارك.\nنتشارك الأدوات ونرتّبها معًا.\nنذكّر بقواعد السلامة في البداية.',
    'Une personne accueille et présente l’activité du jour.\nUne personne anime : elle montre les gestes et fait circuler les outils.\nUne personne clôt l’atelier autour d’une boisson, le moment où l’on parle.\nLa personne référente veille à la sécurité et au bien-être de chacun.':
        'شخص يستقبل الحاضرين ويقدّم نشاط اليوم.\nشخص يدير الورشة: يعرض طريقة العمل ويمرّر الأدوات.\nشخص يختم الورشة حول مشروب، وهو وقت الكلام.\nالشخص المسؤول ينتبه إلى سلامة كل شخص وراحته.',
    'On repart avec ce qu’on a fait : une bouture, un objet réparé, un plat ou une recette, et la fiche des ressources locales.':
        'نغادر ومعنا ما صنعناه: شتلة، أو شيء تم إصلاحه، أو طبق أو وصفة، وورقة الموارد المحلية.',
    'Choisir une activité simple et le matériel qui va avec.\nVérifier les règles de la salle (eau, cuisine, prises).\nPrévoir une trousse de premiers secours.\nPrévoir des boissons pour le temps d’échange final.':
        'اختيار نشاط بسيط والأدوات اللازمة له.\nالتحقق من قواعد القاعة (الماء، المطبخ، مآخذ الكهرباء).\nتحضير علبة إسعافات أولية.\nتحضير مشروبات لوقت الحديث في النهاية.',
    'Salle de plain-pied avec des tables à hauteur réglable si possible. Des tâches assises et debout. Le matériel est fourni : rien à acheter.':
        'قاعة بدون درج، فيها طاولات يمكن تعديل ارتفاعها إذا أمكن. أعمال تُنجز جلوسًا أو وقوفًا. الأدوات متوفرة: لا حاجة إلى شراء شيء.',
    'Point « aller-vers »':
        'نقطة «الذهاب إلى الناس»',
    'Une présence discrète, une à deux heures, dans le hall d’un lieu public (médiathèque, mairie), sans rendez-vous. Le but est d’informer sur ce qui existe près de chez soi, pas d’évaluer les personnes.':
        'حضور هادئ، لمدة ساعة أو ساعتين، في بهو مكان عام (المكتبة، البلدية)، بدون موعد. الهدف هو التعريف بما يوجد قرب المنزل، وليس تقييم الأشخاص.',
    'On ne va pas au-devant des gens avec insistance : on se rend disponible.\nAucune question personnelle n’est posée ; la personne dit ce qu’elle veut.\nAucun nom n’est noté.\nOn informe et on oriente ; on ne juge ni n’évalue.':
        'لا نلحّ على الناس: نكون فقط متاحين.\nلا نطرح أي سؤال شخصي؛ الشخص يقول ما يريد.\nلا نكتب أي اسم.\nنُعلم ونوجّه؛ لا نحكم ولا نقيّم.',
    'Une personne accueille au stand et répond aux questions.\nUne personne ressource connaît bien les services de la ville et peut accompagner vers le bon guichet.\nLa personne référente reste joignable pendant toute la présence.':
        'شخص يستقبل الناس عند الطاولة ويجيب عن الأسئلة.\nشخص الدعم يعرف خدمات المدينة جيدًا ويمكنه أن يرافق الشخص إلى المكتب المناسب.\nالشخص المسؤول يبقى متاحًا للاتصال طوال مدة الحضور.',
    'Les personnes qui le souhaitent repartent avec la fiche des ressources locales et le programme des rencontres à venir.':
        'من يرغب يغادر ومعه ورقة الموارد المحلية وبرنامج اللقاءات القادمة.',
    'Obtenir l’accord du lieu et un emplacement visible mais calme.\nPrévoir une petite table, deux chaises et une affiche simple.\nImprimer la fiche ressources locales et le programme des rencontres.':
        'الحصول على موافقة المكان، وعلى موقع ظاهر ولكن هادئ.\nتحضير طاولة صغيرة، وكرسيين، وملصق بسيط.\nطباعة ورقة الموارد المحلية وبرنامج اللقاءات.',
    'Le stand est placé dans un hall de plain-pied, à l’écart du passage. Des documents en version facile à lire et traduits sont disponibles. Une chaise est proposée à qui veut s’asseoir.':
        'توضع الطاولة في بهو بدون درج، بعيدًا عن ممر الناس. توجد وثائق سهلة القراءة ووثائق مترجمة. نقدّم كرسيًا لمن يريد الجلوس.',
    'Consultations gratuites avec des infirmiers, psychologues et psychiatres, pour toute personne adulte qui traverse une période difficile. Premier rendez-vous rapide, sans passer par un médecin.':
        'مواعيد مجانية مع ممرضين وأخصائيين نفسيين وأطباء نفسيين، لكل شخص بالغ يمرّ بفترة صعبة. الموعد الأول سريع، دون المرور بطبيب.',
    "Soins psychologiques pour les enfants et les jeunes jusqu'à 18 ans, avec leurs parents. Les rendez-vous se prennent par téléphone.":
        'علاج نفسي للأطفال والشباب حتى 18 سنة، مع والديهم. تُحجز المواعيد بالهاتف.',
    'Quatre médecins généralistes, des infirmières et une sage-femme. Ils acceptent de nouveaux patients et pratiquent le tiers payant.':
        'أربعة أطباء عامّين، وممرضات، وقابلة. يقبلون مرضى جددًا، ولا تدفعون المبلغ مسبقًا.',
    'Deux médecins généralistes. Visites à domicile pour les personnes qui ne peuvent pas se déplacer.':
        'طبيبان عامّان. زيارات إلى المنزل للأشخاص الذين لا يستطيعون التنقل.',
    'Consultations de médecine générale et de psychologie pour les étudiantes et les étudiants, sans avance de frais.':
        'مواعيد في الطب العام وعلم النفس للطالبات والطلاب، دون دفع المبلغ مسبقًا.',
    'Suivi gratuit des futurs parents et des enfants de moins de 6 ans : pesées, vaccins, conseils, écoute.':
        'متابعة مجانية للآباء والأمهات المنتظرين وللأطفال دون 6 سنوات: الوزن، واللقاحات، والنصائح، والإصغاء.',
    'Aides financières, domiciliation, accompagnement des personnes âgées et des familles. Un travailleur social vous reçoit sur rendez-vous ou à la permanence.':
        'مساعدات مالية، وعنوان بريدي، ومرافقة كبار السن والعائلات. يستقبلكم أخصائي اجتماعي بموعد أو في وقت الاستقبال المفتوح.',
    "Une permanence du CCAS près de chez vous, sans rendez-vous, pour vos démarches d'aide sociale.":
        'مكتب استقبال تابع لـCCAS قرب منزلكم، بدون موعد، لمساعدتكم في معاملات المساعدة الاجتماعية.',
    'Des agents vous aident pour vos démarches en ligne : impôts, retraite, CAF, assurance maladie, emploi. Ordinateurs en libre accès.':
        'موظفون يساعدونكم في معاملاتكم على الإنترنت: الضرائب، والتقاعد، وCAF (المساعدات العائلية)، والتأمين الصحي، والعمل. أجهزة كمبيوتر متاحة للجميع.',
    "Le bus France services s'arrête aux Prés chaque jeudi matin pour vous aider dans vos démarches.":
        'حافلة France services تتوقف في Les Prés كل يوم خميس صباحًا لمساعدتكم في معاملاتكم.',
    'Informations juridiques gratuites et confidentielles avec un avocat ou un conciliateur : logement, famille, travail, dettes.':
        'معلومات قانونية مجانية وسرّية مع محامٍ أو وسيط صلح: السكن، والعائلة، والعمل، والديون.',
    'Des bénévoles formés vous aident à comprendre un courrier et à faire valoir vos droits.':
        'متطوعون مدرَّبون يساعدونكم على فهم رسالة وعلى المطالبة بحقوقكم.',
    'Questions de logement, de bourse ou de titre de séjour : une juriste répond aux étudiants.':
        'أسئلة عن السكن، أو المنحة، أو بطاقة الإقامة: مختصة قانونية تجيب الطلاب.',
    'Écoute, information sur vos droits et accompagnement après une agression, un vol ou un accident. Gratuit et confidentiel.':
        'إصغاء، ومعلومات عن حقوقكم، ومرافقة بعد اعتداء أو سرقة أو حادث. مجاني وسرّي.',
    "Des bénévoles formés à l'écoute vous répondent le soir, quand la solitude pèse. Anonyme et gratuit.":
        'متطوعون مدرَّبون على الإصغاء يجيبونكم في المساء، عندما تثقل الوحدة. بدون اسم ومجاني.',
    "Des étudiants formés écoutent d'autres étudiants, la nuit, sans jugement.":
        'طلاب مدرَّبون يُصغون إلى طلاب آخرين، في الليل، دون حكم عليهم.',
    'Vous accompagnez un proche malade, âgé ou handicapé ? Une professionnelle vous écoute et vous oriente.':
        'هل ترافقون شخصًا قريبًا مريضًا أو كبيرًا في السن أو من ذوي الإعاقة؟ مختصة تُصغي إليكم وتوجّهكم.',
    "Le premier point de contact pour toute question sur la ville : l'accueil vous oriente vers le bon service.":
        'أول مكان تسألون فيه عن أي شيء يخص المدينة: مكتب الاستقبال يوجّهكم إلى الخدمة المناسبة.',
    'Salles municipales, aide aux associations, Passerelle : le service répond aux associations et aux bénévoles.':
        'قاعات البلدية، ومساعدة الجمعيات، وPasserelle: هذا القسم يجيب الجمعيات والمتطوعين.',
    'État civil, inscriptions scolaires et informations de la mairie, près de chez vous.':
        'الحالة المدنية، والتسجيل في المدارس، ومعلومات البلدية، قرب منزلكم.',
    'Une situation sociale urgente : plus de chauffage, plus de quoi manger, une expulsion.':
        'وضع اجتماعي عاجل: لا تدفئة، لا طعام، طرد من السكن.',
    'Parler à un soignant quand on va mal, sans attendre un rendez-vous.':
        'التحدث إلى شخص من العاملين في الرعاية الصحية عندما لا تكونون بخير، دون انتظار موعد.',
    'Un problème urgent dans la ville la nuit ou le week-end.':
        'مشكلة عاجلة في المدينة في الليل أو في عطلة نهاية الأسبوع.',
    "Charte des binômes de convivialité\n\nParticiper est volontaire.\nUn binôme ne commence que lorsque les deux personnes ont dit oui.\nLa première rencontre a lieu dans un lieu public : un café, la médiathèque, une maison de quartier.\nChacun peut arrêter à tout moment, sans avoir à donner de raison.\nOn peut ensuite revenir dans la file d'attente, si on le souhaite.\nRien n'est transmis à l'autre personne sans votre accord.\nElle ne voit votre prénom que lorsque vous avez accepté tous les deux.\nLa personne chargée de la médiation prend des nouvelles de chacun deux semaines après le début du binôme.\nSi vous quittez les binômes, vos données sont effacées aussitôt.\nSeuls des chiffres anonymes sont gardés.":
        'ميثاق ثنائيات الأُلفة\n\nالمشاركة اختيارية.\nلا يبدأ الثنائي إلا عندما يقول الشخصان «نعم».\nيكون اللقاء الأول في مكان عام: مقهى، أو المكتبة، أو مركز الحي.\nيمكن لكل واحد أن يتوقف في أي وقت، دون ذكر السبب.\nيمكن بعد ذلك العودة إلى قائمة الانتظار، إذا رغبتم.\nلا يُعطى أي شيء للشخص الآخر دون موافقتكم.\nلا يرى اسمكم الأول إلا عندما تقبلان كلاكما.\nالشخص المسؤول عن الوساطة يسأل عن أحوال كل واحد بعد أسبوعين من بداية الثنائي.\nإذا غادرتم الثنائيات، تُحذف بياناتكم فورًا.\nنحتفظ فقط بأرقام بدون أسماء.',
    # How to get to the demo places (portal/demo.py PLACES).
    'Bus 3 et 7, arrêt Mairie. Entrée de plain-pied par la rue Victor-Hugo.':
        'الحافلتان 3 و7، موقف Mairie. مدخل بدون درج من شارع Victor-Hugo.',
    'À deux minutes à pied de la mairie. Accueil au rez-de-chaussée.':
        'على بُعد دقيقتين مشيًا من البلدية. الاستقبال في الطابق الأرضي.',
    "Tram A, arrêt Les Prés. Ascenseur à gauche de l'entrée.":
        'الترام A، موقف Les Prés. المصعد على يسار المدخل.',
    "Bus 5, arrêt Tisserands. Parking vélo devant l'entrée.":
        'الحافلة 5، موقف Tisserands. مكان لركن الدراجات أمام المدخل.',
    'Bus 7, arrêt Stade. Salle polyvalente au premier étage, avec ascenseur.':
        'الحافلة 7، موقف Stade. قاعة متعددة الاستعمالات في الطابق الأول، مع مصعد.',
    'Tram A, arrêt Université. Suivre les panneaux « Santé ».':
        'الترام A، موقف Université. اتبعوا لافتات «Santé» (الصحة).',
}
