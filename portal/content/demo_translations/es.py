"""The demo town's texts in Spanish, by their French (standard) text: see portal/content/demo.py."""

TEXTS = {
    'Café-échanges':
        'Café de conversación',
    'Un moment convivial autour d’un café pour parler d’un sujet simple du quotidien, comme « parler à un proche » ou « la solitude du soir ». On vient pour écouter, pour partager si on en a envie, et pour rencontrer des personnes du quartier.':
        'Un rato agradable con un café para hablar de un tema sencillo de la vida diaria, como «hablar con un ser querido» o «la soledad de la noche». Se viene para escuchar, para compartir si se tienen ganas, y para conocer a personas del barrio.',
    'Les règles sont affichées et rappelées en une minute au début.\nCe qui se dit ici reste ici.\nChacun parle s’il le souhaite ; on peut aussi simplement écouter.\nOn peut partir à tout moment, sans se justifier.\nPas de jugement, pas de conseils que personne n’a demandés.':
        'Las normas están colgadas a la vista y se recuerdan en un minuto al principio.\nLo que se dice aquí se queda aquí.\nCada persona habla si quiere; también se puede solo escuchar.\nSe puede ir en cualquier momento, sin dar explicaciones.\nNadie juzga, nadie da consejos que nadie ha pedido.',
    'Une personne accueille à la porte et présente le lieu.\nUne personne anime : elle propose le thème, distribue la parole et veille au temps.\nUne personne clôt la rencontre et remet les ressources.\nLa personne référente reste joignable et sait quoi faire si quelqu’un ne va pas bien. Quand c’est possible, l’animation se fait à deux : une personne formée à l’écoute et une personne concernée.':
        'Una persona recibe en la puerta y presenta el lugar.\nUna persona anima: propone el tema, da la palabra y controla el tiempo.\nUna persona cierra el encuentro y entrega los recursos.\nLa persona responsable está localizable y sabe qué hacer si alguien no se encuentra bien. Cuando es posible, animan dos personas: una formada en escucha y otra que ha vivido la situación.',
    'Chaque participant repart avec la fiche des ressources locales : lieux d’aide, numéros utiles et contacts de la mairie.':
        'Cada participante se lleva la hoja de recursos locales: lugares de ayuda, números útiles y contactos del ayuntamiento.',
    'Réserver une salle calme de 8 à 12 places.\nImprimer la charte d’accueil, la fiche ressources locales et le plan d’escalade.\nAfficher les règles et les numéros d’urgence.\nPrévoir boissons chaudes, gobelets et un thème simple.':
        'Reservar una sala tranquila de 8 a 12 plazas.\nImprimir la carta de acogida, la hoja de recursos locales y el plan en caso de crisis.\nColgar a la vista las normas y los números de emergencia.\nLlevar bebidas calientes, vasos y un tema sencillo.',
    'Salle de plain-pied avec des sièges confortables. Indiquer l’horaire, l’accès et la gratuité sur l’affiche. On peut venir avec un proche. Une version facile à lire des règles est disponible.':
        'Sala sin escalones con asientos cómodos. Indicar en el cartel el horario, el acceso y que es gratis. Se puede venir con un familiar o amigo. Hay una versión de las normas en lectura fácil.',
    'Cercle d’écoute':
        'Círculo de escucha',
    'Un temps d’écoute en cercle où chacun peut dire ce qu’il vit, à son tour, et être écouté sans être interrompu ni conseillé.':
        'Un rato de escucha en círculo donde cada persona puede contar lo que vive, en su turno, y ser escuchada sin que la interrumpan ni le den consejos.',
    'Chaque tour de parole a une durée fixée, suivie à la montre.\nOn a le droit de passer son tour.\nPas de conseils si la personne n’en demande pas.\nCe qui est dit dans le cercle reste dans le cercle.\nOn peut quitter le cercle à tout moment.':
        'Cada turno de palabra tiene una duración fija, controlada con el reloj.\nSe tiene derecho a pasar el turno.\nNo se dan consejos si la persona no los pide.\nLo que se dice en el círculo se queda en el círculo.\nSe puede dejar el círculo en cualquier momento.',
    'Une personne accueille et installe le cercle.\nUne personne anime : elle rappelle les règles, tient le temps de chaque tour et veille à ce que personne ne soit interrompu.\nUne personne clôt par un dernier tour court et présente le questionnaire.\nLa personne référente sait comment accompagner quelqu’un qui a besoin d’une pause. L’écoute n’est pas une thérapie : on oriente vers les professionnels si besoin.':
        'Una persona recibe y prepara el círculo.\nUna persona anima: recuerda las normas, controla el tiempo de cada turno y cuida de que nadie sea interrumpido.\nUna persona cierra con una última ronda corta y presenta el cuestionario.\nLa persona responsable sabe cómo acompañar a alguien que necesita una pausa. Escuchar no es una terapia: si hace falta, se orienta hacia profesionales.',
    'Avant de partir, chacun peut donner son ressenti de façon anonyme, en répondant à trois questions courtes.':
        'Antes de irse, cada persona puede decir cómo se ha sentido, de forma anónima, respondiendo a tres preguntas cortas.',
    'Réserver une salle calme, sans passage.\nDisposer les chaises en cercle.\nPrévoir une montre ou un minuteur discret.\nImprimer les trois questions du ressenti anonyme et la fiche ressources locales.':
        'Reservar una sala tranquila, donde no pase gente.\nPoner las sillas en círculo.\nLlevar un reloj o un temporizador silencioso.\nImprimir las tres preguntas anónimas y la hoja de recursos locales.',
    'Salle de plain-pied, au calme, avec un éclairage doux. Des sièges avec accoudoirs pour ceux qui en ont besoin. Annoncer la durée des tours à l’avance rassure les personnes qui parlent peu.':
        'Sala sin escalones, tranquila, con luz suave. Asientos con reposabrazos para quien los necesite. Anunciar antes la duración de los turnos tranquiliza a las personas que hablan poco.',
    'Binômes de convivialité':
        'Binomios de compañía',
    'Mettre en relation deux personnes qui le souhaitent toutes les deux, pour partager un moment simple : une marche, un café, une visite à la médiathèque.':
        'Poner en contacto a dos personas que lo desean las dos, para compartir un momento sencillo: un paseo, un café, una visita a la biblioteca.',
    'Les deux personnes donnent leur accord, en sachant à quoi elles s’engagent.\nUne charte courte est lue et acceptée par chacune.\nLes premières rencontres ont lieu dans un lieu public.\nLes coordonnées ne sont échangées que si les deux sont d’accord.\nChacune peut arrêter après une rencontre, sans faute ni justification.':
        'Las dos personas dan su consentimiento, sabiendo a qué se comprometen.\nCada una lee y acepta una carta corta.\nLos primeros encuentros son en un lugar público.\nLos datos de contacto solo se intercambian si las dos están de acuerdo.\nCada una puede dejarlo después de un encuentro, sin culpa y sin dar explicaciones.',
    'Une personne référente propose les binômes, reste joignable par les deux personnes et fait un point avec chacune au bout de deux semaines. Elle aide à mettre fin au binôme s’il ne convient pas.':
        'Una persona responsable propone los binomios, está localizable para las dos personas y habla con cada una al cabo de dos semanas. Ayuda a terminar el binomio si no funciona.',
    'Chacun garde la charte du binôme et le contact de la personne référente. Un point de suivi est prévu au bout de deux semaines.':
        'Cada persona guarda la carta del binomio y el contacto de la persona responsable. Hay un seguimiento previsto al cabo de dos semanas.',
    'Recueillir les envies et disponibilités de chaque personne.\nPréparer la charte courte du binôme.\nChoisir un lieu public pour la première rencontre.\nNoter la date du point de suivi, deux semaines plus tard.':
        'Preguntar a cada persona qué le gustaría hacer y cuándo está disponible.\nPreparar la carta corta del binomio.\nElegir un lugar público para el primer encuentro.\nAnotar la fecha del seguimiento, dos semanas después.',
    'Le lieu et le moment sont choisis avec les deux personnes, selon leur mobilité, leur langue et leurs horaires. La personne référente peut accompagner la première rencontre.':
        'El lugar y el momento se eligen con las dos personas, según su movilidad, su idioma y sus horarios. La persona responsable puede acompañar el primer encuentro.',
    'Atelier « numérique apaisé »':
        'Taller «internet con tranquilidad»',
    'Apprendre à utiliser les messageries et les groupes en ligne pour garder le contact, sans trop s’exposer : régler la confidentialité de ses comptes et reconnaître les signaux qui doivent alerter.':
        'Aprender a usar las aplicaciones de mensajes y los grupos en internet para mantener el contacto, sin exponerse demasiado: ajustar la privacidad de sus cuentas y reconocer las señales de alerta.',
    'On avance au rythme de chacun ; aucune question n’est bête.\nPersonne ne touche au téléphone d’un autre sans son accord.\nOn ne montre pas ses messages personnels au groupe.\nAucun mot de passe n’est demandé ni noté.':
        'Se avanza al ritmo de cada persona; ninguna pregunta es tonta.\nNadie toca el teléfono de otra persona sin su permiso.\nNo se enseñan los mensajes personales al grupo.\nNunca se pide ni se apunta ninguna contraseña.',
    'Une personne accueille et aide chacun à s’installer avec son appareil.\nUne personne anime : elle montre les réglages pas à pas sur un exemple.\nLa personne référente reste présente si un échange en ligne a inquiété quelqu’un et oriente vers l’aide adaptée.':
        'Una persona recibe y ayuda a cada una a instalarse con su aparato.\nUna persona anima: enseña los ajustes paso a paso con un ejemplo.\nLa persona responsable está presente si un intercambio en internet ha preocupado a alguien, y orienta hacia la ayuda adecuada.',
    'Chacun repart avec ses réglages de confidentialité faits et un aide-mémoire des signaux d’alerte, avec les numéros d’aide.':
        'Cada persona se lleva sus ajustes de privacidad hechos y una hoja recordatorio de las señales de alerta, con los números de ayuda.',
    'Réserver une salle avec prises électriques et connexion internet.\nPréparer un téléphone et une tablette de démonstration.\nImprimer l’aide-mémoire des signaux d’alerte et la fiche ressources locales.':
        'Reservar una sala con enchufes y conexión a internet.\nPreparar un teléfono y una tableta de demostración.\nImprimir la hoja recordatorio de las señales de alerta y la hoja de recursos locales.',
    'Salle de plain-pied. Écrire en grands caractères au tableau. Prévoir des appareils à prêter pour les personnes qui n’en ont pas. On peut venir accompagné d’un proche.':
        'Sala sin escalones. Escribir con letra grande en la pizarra. Tener aparatos para prestar a las personas que no tienen. Se puede venir acompañado de un familiar o amigo.',
    'Marche douce':
        'Paseo tranquilo',
    'Une courte marche en ville, de 45 minutes à une heure, pour bouger un peu et discuter en chemin. Il ne s’agit pas de performance : on marche au pas de la personne la plus lente.':
        'Un paseo corto por la ciudad, de 45 minutos a una hora, para moverse un poco y charlar por el camino. No es una competición: se camina al paso de la persona más lenta.',
    'Le parcours est facile, sans dénivelé, avec des endroits pour s’asseoir.\nLe groupe part et revient au même lieu public.\nPersonne n’est laissé derrière ; on peut s’arrêter à tout moment.\nChacun peut quitter la marche en prévenant la personne ressource.':
        'El recorrido es fácil, llano, con sitios para sentarse.\nEl grupo sale y vuelve al mismo lugar público.\nNadie se queda atrás; se puede parar en cualquier momento.\nCada persona puede dejar el paseo avisando a la persona de apoyo.',
    'Une personne anime : elle ouvre la marche et règle le rythme.\nUne personne ressource, bien visible (gilet ou badge), ferme la marche et répond aux questions.\nLa personne référente a les numéros d’urgence sur elle et connaît le parcours.':
        'Una persona anima: va delante y marca el ritmo.\nUna persona de apoyo, fácil de ver (chaleco o distintivo), va al final y responde a las preguntas.\nLa persona responsable lleva encima los números de emergencia y conoce el recorrido.',
    'On repart avec le plan du parcours, pour le refaire seul ou à plusieurs, et la fiche des ressources locales.':
        'Cada persona se lleva el plano del recorrido, para repetirlo sola o con otras personas, y la hoja de recursos locales.',
    'Repérer un parcours facile et ses bancs.\nChoisir un lieu public de départ et d’arrivée, avec des toilettes.\nRegarder la météo et prévoir de l’eau.\nPrévoir un gilet ou un badge pour la personne ressource.':
        'Buscar un recorrido fácil y sus bancos.\nElegir un lugar público de salida y de llegada, con aseos.\nMirar el tiempo que va a hacer y llevar agua.\nLlevar un chaleco o un distintivo para la persona de apoyo.',
    'Parcours sans marches ni pentes raides, praticable en fauteuil ou avec une canne. Pauses régulières. Le lieu de départ est accessible et abrité en cas de pluie.':
        'Recorrido sin escalones ni cuestas fuertes, para silla de ruedas o bastón. Pausas regulares. El lugar de salida es accesible y está cubierto por si llueve.',
    'Club lecture / écriture':
        'Club de lectura y escritura',
    'Lire ensemble des textes courts et écrire à partir de consignes très ouvertes, comme « une page, un souvenir ». L’écriture sert de prétexte pour se rencontrer, pas de concours.':
        'Leer juntos textos cortos y escribir a partir de propuestas muy abiertas, como «una página, un recuerdo». Escribir es una excusa para encontrarse, no un concurso.',
    'Chacun écrit ce qu’il veut, comme il veut ; il n’y a pas de bonne réponse.\nLire son texte à voix haute n’est jamais obligatoire.\nOn peut demander que son texte soit lu par quelqu’un d’autre, sans dire qui l’a écrit.\nOn commente avec bienveillance, ou pas du tout.':
        'Cada persona escribe lo que quiere, como quiere; no hay respuesta correcta.\nLeer su texto en voz alta nunca es obligatorio.\nSe puede pedir que otra persona lea el texto, sin decir quién lo escribió.\nSe comenta con amabilidad, o no se comenta.',
    'Une personne accueille et distribue le papier et les stylos.\nUne personne anime : elle lit un texte court, donne la consigne et tient le temps.\nUne personne clôt la séance et propose la consigne de la prochaine fois.\nLa personne référente reste attentive : un souvenir peut réveiller des émotions.':
        'Una persona recibe y reparte el papel y los bolígrafos.\nUna persona anima: lee un texto corto, da la propuesta y controla el tiempo.\nUna persona cierra la sesión y propone la propuesta de la próxima vez.\nLa persona responsable está atenta: un recuerdo puede despertar emociones.',
    'Chacun garde son texte. Ceux qui le souhaitent peuvent le déposer de façon anonyme dans un recueil commun.':
        'Cada persona se queda con su texto. Quien quiera puede dejarlo de forma anónima en una recopilación común.',
    'Choisir deux ou trois textes courts et une consigne ouverte.\nPrévoir papier, stylos et quelques dictionnaires.\nRéserver une salle calme, par exemple à la médiathèque.':
        'Elegir dos o tres textos cortos y una propuesta abierta.\nLlevar papel, bolígrafos y algunos diccionarios.\nReservar una sala tranquila, por ejemplo en la biblioteca.',
    'Salle calme de plain-pied. Textes imprimés en gros caractères. On peut dicter son texte à quelqu’un ou simplement écouter.':
        'Sala tranquila sin escalones. Textos impresos con letra grande. Se puede dictar el texto a alguien o simplemente escuchar.',
    'Micro-ateliers « faire ensemble »':
        'Minitalleres «hacer juntos»',
    'Faire quelque chose de ses mains à plusieurs : échanger des graines et des boutures, réparer des objets simples, cuisiner sans gaspiller. On fait d’abord, on parle ensuite, quand la confiance est là.':
        'Hacer algo con las manos en grupo: intercambiar semillas y esquejes, reparar objetos sencillos, cocinar sin desperdiciar. Primero se hace, después se habla, cuando hay confianza.',
    'Personne n’a besoin de savoir-faire : on apprend les uns des autres.\nOn peut regarder avant de participer.\nLes outils se partagent et se rangent ensemble.\nLes consignes de sécurité sont rappelées au début.':
        'Nadie necesita saber hacerlo: aprendemos unos de otros.\nSe puede mirar antes de participar.\nLas herramientas se comparten y se recogen entre todos.\nLas normas de seguridad se recuerdan al principio.',
    'Une personne accueille et présente l’activité du jour.\nUne personne anime : elle montre les gestes et fait circuler les outils.\nUne personne clôt l’atelier autour d’une boisson, le moment où l’on parle.\nLa personne référente veille à la sécurité et au bien-être de chacun.':
        'Una persona recibe y presenta la actividad del día.\nUna persona anima: enseña cómo hacerlo y pasa las herramientas.\nUna persona cierra el taller con una bebida, el momento de hablar.\nLa persona responsable cuida de la seguridad y del bienestar de cada persona.',
    'On repart avec ce qu’on a fait : une bouture, un objet réparé, un plat ou une recette, et la fiche des ressources locales.':
        'Cada persona se lleva lo que ha hecho: un esqueje, un objeto reparado, un plato o una receta, y la hoja de recursos locales.',
    'Choisir une activité simple et le matériel qui va avec.\nVérifier les règles de la salle (eau, cuisine, prises).\nPrévoir une trousse de premiers secours.\nPrévoir des boissons pour le temps d’échange final.':
        'Elegir una actividad sencilla y el material necesario.\nComprobar las normas de la sala (agua, cocina, enchufes).\nLlevar un botiquín de primeros auxilios.\nLlevar bebidas para la charla final.',
    'Salle de plain-pied avec des tables à hauteur réglable si possible. Des tâches assises et debout. Le matériel est fourni : rien à acheter.':
        'Sala sin escalones con mesas de altura regulable si es posible. Tareas para hacer sentado y de pie. El material está incluido: no hay que comprar nada.',
    'Point « aller-vers »':
        'Punto «salir al encuentro»',
    'Une présence discrète, une à deux heures, dans le hall d’un lieu public (médiathèque, mairie), sans rendez-vous. Le but est d’informer sur ce qui existe près de chez soi, pas d’évaluer les personnes.':
        'Una presencia discreta, de una a dos horas, en el vestíbulo de un lugar público (biblioteca, ayuntamiento), sin cita. El objetivo es informar de lo que existe cerca de casa, no evaluar a las personas.',
    'On ne va pas au-devant des gens avec insistance : on se rend disponible.\nAucune question personnelle n’est posée ; la personne dit ce qu’elle veut.\nAucun nom n’est noté.\nOn informe et on oriente ; on ne juge ni n’évalue.':
        'No se insiste a la gente: simplemente estamos disponibles.\nNo se hace ninguna pregunta personal; la persona dice lo que quiere.\nNo se apunta ningún nombre.\nSe informa y se orienta; no se juzga ni se evalúa.',
    'Une personne accueille au stand et répond aux questions.\nUne personne ressource connaît bien les services de la ville et peut accompagner vers le bon guichet.\nLa personne référente reste joignable pendant toute la présence.':
        'Una persona atiende el puesto y responde a las preguntas.\nUna persona de apoyo conoce bien los servicios de la ciudad y puede acompañar a la ventanilla adecuada.\nLa persona responsable está localizable durante todo el tiempo.',
    'Les personnes qui le souhaitent repartent avec la fiche des ressources locales et le programme des rencontres à venir.':
        'Quien quiera se lleva la hoja de recursos locales y el programa de los próximos encuentros.',
    'Obtenir l’accord du lieu et un emplacement visible mais calme.\nPrévoir une petite table, deux chaises et une affiche simple.\nImprimer la fiche ressources locales et le programme des rencontres.':
        'Conseguir el permiso del lugar y un sitio visible pero tranquilo.\nLlevar una mesa pequeña, dos sillas y un cartel sencillo.\nImprimir la hoja de recursos locales y el programa de los encuentros.',
    'Le stand est placé dans un hall de plain-pied, à l’écart du passage. Des documents en version facile à lire et traduits sont disponibles. Une chaise est proposée à qui veut s’asseoir.':
        'El puesto está en un vestíbulo sin escalones, apartado del paso. Hay documentos en lectura fácil y traducidos. Se ofrece una silla a quien quiera sentarse.',
    'Consultations gratuites avec des infirmiers, psychologues et psychiatres, pour toute personne adulte qui traverse une période difficile. Premier rendez-vous rapide, sans passer par un médecin.':
        'Consultas gratuitas con enfermeros, psicólogos y psiquiatras, para cualquier persona adulta que pasa por un momento difícil. Primera cita rápida, sin pasar por un médico.',
    "Soins psychologiques pour les enfants et les jeunes jusqu'à 18 ans, avec leurs parents. Les rendez-vous se prennent par téléphone.":
        'Atención psicológica para niños y jóvenes hasta 18 años, con sus padres. Las citas se piden por teléfono.',
    'Quatre médecins généralistes, des infirmières et une sage-femme. Ils acceptent de nouveaux patients et pratiquent le tiers payant.':
        'Cuatro médicos de cabecera, enfermeras y una matrona. Aceptan pacientes nuevos y no hay que adelantar el pago.',
    'Deux médecins généralistes. Visites à domicile pour les personnes qui ne peuvent pas se déplacer.':
        'Dos médicos de cabecera. Visitas a domicilio para las personas que no pueden desplazarse.',
    'Consultations de médecine générale et de psychologie pour les étudiantes et les étudiants, sans avance de frais.':
        'Consultas de medicina general y de psicología para estudiantes, sin adelantar el pago.',
    'Suivi gratuit des futurs parents et des enfants de moins de 6 ans : pesées, vaccins, conseils, écoute.':
        'Seguimiento gratuito de los futuros padres y de los niños menores de 6 años: peso, vacunas, consejos, escucha.',
    'Aides financières, domiciliation, accompagnement des personnes âgées et des familles. Un travailleur social vous reçoit sur rendez-vous ou à la permanence.':
        'Ayudas económicas, dirección postal, apoyo a las personas mayores y a las familias. Un trabajador social le atiende con cita o en el horario de atención.',
    "Une permanence du CCAS près de chez vous, sans rendez-vous, pour vos démarches d'aide sociale.":
        'Una oficina del CCAS cerca de su casa, sin cita, para sus trámites de ayuda social.',
    'Des agents vous aident pour vos démarches en ligne : impôts, retraite, CAF, assurance maladie, emploi. Ordinateurs en libre accès.':
        'El personal le ayuda con sus trámites por internet: impuestos, jubilación, CAF (ayudas familiares), seguro de salud, empleo. Ordenadores de uso libre.',
    "Le bus France services s'arrête aux Prés chaque jeudi matin pour vous aider dans vos démarches.":
        'El autobús France services para en Les Prés cada jueves por la mañana para ayudarle con sus trámites.',
    'Informations juridiques gratuites et confidentielles avec un avocat ou un conciliateur : logement, famille, travail, dettes.':
        'Información jurídica gratuita y confidencial con un abogado o un conciliador: vivienda, familia, trabajo, deudas.',
    'Des bénévoles formés vous aident à comprendre un courrier et à faire valoir vos droits.':
        'Voluntarios formados le ayudan a entender una carta y a hacer valer sus derechos.',
    'Questions de logement, de bourse ou de titre de séjour : une juriste répond aux étudiants.':
        'Preguntas sobre vivienda, becas o permiso de residencia: una jurista responde a los estudiantes.',
    'Écoute, information sur vos droits et accompagnement après une agression, un vol ou un accident. Gratuit et confidentiel.':
        'Escucha, información sobre sus derechos y acompañamiento después de una agresión, un robo o un accidente. Gratis y confidencial.',
    "Des bénévoles formés à l'écoute vous répondent le soir, quand la solitude pèse. Anonyme et gratuit.":
        'Voluntarios formados en escucha le responden por la noche, cuando la soledad pesa. Anónimo y gratis.',
    "Des étudiants formés écoutent d'autres étudiants, la nuit, sans jugement.":
        'Estudiantes formados escuchan a otros estudiantes, por la noche, sin juzgar.',
    'Vous accompagnez un proche malade, âgé ou handicapé ? Une professionnelle vous écoute et vous oriente.':
        '¿Cuida de un familiar enfermo, mayor o con discapacidad? Una profesional le escucha y le orienta.',
    "Le premier point de contact pour toute question sur la ville : l'accueil vous oriente vers le bon service.":
        'El primer punto de contacto para cualquier pregunta sobre la ciudad: la recepción le orienta hacia el servicio adecuado.',
    'Salles municipales, aide aux associations, Passerelle : le service répond aux associations et aux bénévoles.':
        'Salas municipales, ayuda a las asociaciones, Passerelle: el servicio responde a las asociaciones y a los voluntarios.',
    'État civil, inscriptions scolaires et informations de la mairie, près de chez vous.':
        'Registro civil, matrícula escolar e información del ayuntamiento, cerca de su casa.',
    'Une situation sociale urgente : plus de chauffage, plus de quoi manger, une expulsion.':
        'Una situación social urgente: sin calefacción, sin comida, un desahucio.',
    'Parler à un soignant quand on va mal, sans attendre un rendez-vous.':
        'Hablar con un profesional de la salud cuando uno se encuentra mal, sin esperar una cita.',
    'Un problème urgent dans la ville la nuit ou le week-end.':
        'Un problema urgente en la ciudad por la noche o el fin de semana.',
    "Charte des binômes de convivialité\n\nParticiper est volontaire.\nUn binôme ne commence que lorsque les deux personnes ont dit oui.\nLa première rencontre a lieu dans un lieu public : un café, la médiathèque, une maison de quartier.\nChacun peut arrêter à tout moment, sans avoir à donner de raison.\nOn peut ensuite revenir dans la file d'attente, si on le souhaite.\nRien n'est transmis à l'autre personne sans votre accord.\nElle ne voit votre prénom que lorsque vous avez accepté tous les deux.\nLa personne chargée de la médiation prend des nouvelles de chacun deux semaines après le début du binôme.\nSi vous quittez les binômes, vos données sont effacées aussitôt.\nSeuls des chiffres anonymes sont gardés.":
        'Carta de los binomios de compañía\n\nParticipar es voluntario.\nUn binomio solo empieza cuando las dos personas han dicho que sí.\nEl primer encuentro es en un lugar público: un café, la biblioteca, un centro vecinal.\nCada persona puede dejarlo en cualquier momento, sin tener que dar motivos.\nDespués se puede volver a la lista de espera, si se quiere.\nNo se pasa nada a la otra persona sin su consentimiento.\nSolo ve su nombre cuando los dos han aceptado.\nLa persona encargada de la mediación pregunta a cada uno cómo está dos semanas después del inicio del binomio.\nSi deja los binomios, sus datos se borran al instante.\nSolo se guardan cifras anónimas.',
    # How to get to the demo places (portal/demo.py PLACES).
    'Bus 3 et 7, arrêt Mairie. Entrée de plain-pied par la rue Victor-Hugo.':
        'Autobuses 3 y 7, parada Mairie. Entrada sin escalones por la calle Victor-Hugo.',
    'À deux minutes à pied de la mairie. Accueil au rez-de-chaussée.':
        'A dos minutos a pie del ayuntamiento. Recepción en la planta baja.',
    "Tram A, arrêt Les Prés. Ascenseur à gauche de l'entrée.":
        'Tranvía A, parada Les Prés. Ascensor a la izquierda de la entrada.',
    "Bus 5, arrêt Tisserands. Parking vélo devant l'entrée.":
        'Autobús 5, parada Tisserands. Aparcamiento para bicicletas delante de la entrada.',
    'Bus 7, arrêt Stade. Salle polyvalente au premier étage, avec ascenseur.':
        'Autobús 7, parada Stade. Sala polivalente en la primera planta, con ascensor.',
    'Tram A, arrêt Université. Suivre les panneaux « Santé ».':
        'Tranvía A, parada Université. Siga los carteles «Santé» (salud).',
}
