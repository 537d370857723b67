"""The demo town's texts in Portuguese, by their French (standard) text: see portal/content/demo.py."""

TEXTS = {
    'Café-échanges':
        'Café-conversa',
    'Un moment convivial autour d’un café pour parler d’un sujet simple du quotidien, comme « parler à un proche » ou « la solitude du soir ». On vient pour écouter, pour partager si on en a envie, et pour rencontrer des personnes du quartier.':
        'Um momento de convívio à volta de um café para falar de um tema simples do dia a dia, como «falar com alguém próximo» ou «a solidão à noite». Vem-se para ouvir, para partilhar se apetecer, e para conhecer pessoas do bairro.',
    'Les règles sont affichées et rappelées en une minute au début.\nCe qui se dit ici reste ici.\nChacun parle s’il le souhaite ; on peut aussi simplement écouter.\nOn peut partir à tout moment, sans se justifier.\nPas de jugement, pas de conseils que personne n’a demandés.':
        'As regras estão afixadas e são lembradas em um minuto no início.\nO que se diz aqui fica aqui.\nCada um fala se quiser; também se pode apenas ouvir.\nPode-se sair a qualquer momento, sem dar explicações.\nSem julgamentos, sem conselhos que ninguém pediu.',
    'Une personne accueille à la porte et présente le lieu.\nUne personne anime : elle propose le thème, distribue la parole et veille au temps.\nUne personne clôt la rencontre et remet les ressources.\nLa personne référente reste joignable et sait quoi faire si quelqu’un ne va pas bien. Quand c’est possible, l’animation se fait à deux : une personne formée à l’écoute et une personne concernée.':
        'Uma pessoa recebe à porta e apresenta o local.\nUma pessoa dinamiza: propõe o tema, dá a palavra e controla o tempo.\nUma pessoa encerra o encontro e entrega os recursos.\nO voluntário responsável está sempre contactável e sabe o que fazer se alguém não estiver bem. Quando possível, a dinamização faz-se a dois: uma pessoa com formação em escuta e uma pessoa com experiência vivida.',
    'Chaque participant repart avec la fiche des ressources locales : lieux d’aide, numéros utiles et contacts de la mairie.':
        'Cada participante leva consigo a ficha dos recursos locais: locais de ajuda, números úteis e contactos da câmara municipal.',
    'Réserver une salle calme de 8 à 12 places.\nImprimer la charte d’accueil, la fiche ressources locales et le plan d’escalade.\nAfficher les règles et les numéros d’urgence.\nPrévoir boissons chaudes, gobelets et un thème simple.':
        'Reservar uma sala calma de 8 a 12 lugares.\nImprimir a carta de acolhimento, a ficha de recursos locais e o plano de ação.\nAfixar as regras e os números de emergência.\nPrever bebidas quentes, copos e um tema simples.',
    'Salle de plain-pied avec des sièges confortables. Indiquer l’horaire, l’accès et la gratuité sur l’affiche. On peut venir avec un proche. Une version facile à lire des règles est disponible.':
        'Sala sem degraus com cadeiras confortáveis. Indicar no cartaz o horário, o acesso e que é gratuito. Pode-se vir com alguém próximo. Há uma versão das regras em leitura fácil.',
    'Cercle d’écoute':
        'Círculo de escuta',
    'Un temps d’écoute en cercle où chacun peut dire ce qu’il vit, à son tour, et être écouté sans être interrompu ni conseillé.':
        'Um momento de escuta em círculo em que cada um pode dizer o que está a viver, na sua vez, e ser ouvido sem ser interrompido nem aconselhado.',
    'Chaque tour de parole a une durée fixée, suivie à la montre.\nOn a le droit de passer son tour.\nPas de conseils si la personne n’en demande pas.\nCe qui est dit dans le cercle reste dans le cercle.\nOn peut quitter le cercle à tout moment.':
        'Cada vez de falar tem uma duração fixa, controlada pelo relógio.\nTem-se o direito de passar a vez.\nSem conselhos se a pessoa não os pedir.\nO que se diz no círculo fica no círculo.\nPode-se sair do círculo a qualquer momento.',
    'Une personne accueille et installe le cercle.\nUne personne anime : elle rappelle les règles, tient le temps de chaque tour et veille à ce que personne ne soit interrompu.\nUne personne clôt par un dernier tour court et présente le questionnaire.\nLa personne référente sait comment accompagner quelqu’un qui a besoin d’une pause. L’écoute n’est pas une thérapie : on oriente vers les professionnels si besoin.':
        'Uma pessoa recebe e organiza o círculo.\nUma pessoa dinamiza: lembra as regras, controla o tempo de cada vez e garante que ninguém é interrompido.\nUma pessoa encerra com uma última ronda curta e apresenta o questionário.\nO voluntário responsável sabe como acompanhar alguém que precisa de uma pausa. A escuta não é uma terapia: encaminha-se para os profissionais se for preciso.',
    'Avant de partir, chacun peut donner son ressenti de façon anonyme, en répondant à trois questions courtes.':
        'Antes de sair, cada um pode dizer como se sentiu de forma anónima, respondendo a três perguntas curtas.',
    'Réserver une salle calme, sans passage.\nDisposer les chaises en cercle.\nPrévoir une montre ou un minuteur discret.\nImprimer les trois questions du ressenti anonyme et la fiche ressources locales.':
        'Reservar uma sala calma, sem passagem de pessoas.\nPôr as cadeiras em círculo.\nPrever um relógio ou um temporizador discreto.\nImprimir as três perguntas anónimas sobre como se sentiu e a ficha de recursos locais.',
    'Salle de plain-pied, au calme, avec un éclairage doux. Des sièges avec accoudoirs pour ceux qui en ont besoin. Annoncer la durée des tours à l’avance rassure les personnes qui parlent peu.':
        'Sala sem degraus, calma, com luz suave. Cadeiras com braços para quem precisar. Anunciar antes a duração de cada vez de falar tranquiliza as pessoas que falam pouco.',
    'Binômes de convivialité':
        'Duplas de convívio',
    'Mettre en relation deux personnes qui le souhaitent toutes les deux, pour partager un moment simple : une marche, un café, une visite à la médiathèque.':
        'Pôr em contacto duas pessoas que o desejam ambas, para partilhar um momento simples: uma caminhada, um café, uma visita à mediateca.',
    'Les deux personnes donnent leur accord, en sachant à quoi elles s’engagent.\nUne charte courte est lue et acceptée par chacune.\nLes premières rencontres ont lieu dans un lieu public.\nLes coordonnées ne sont échangées que si les deux sont d’accord.\nChacune peut arrêter après une rencontre, sans faute ni justification.':
        'As duas pessoas dão o seu acordo, sabendo com o que se comprometem.\nUma carta curta é lida e aceite por cada uma.\nOs primeiros encontros são num local público.\nOs contactos só são trocados se as duas estiverem de acordo.\nCada uma pode parar depois de um encontro, sem culpa nem explicações.',
    'Une personne référente propose les binômes, reste joignable par les deux personnes et fait un point avec chacune au bout de deux semaines. Elle aide à mettre fin au binôme s’il ne convient pas.':
        'Um voluntário responsável propõe as duplas, está contactável pelas duas pessoas e faz um ponto da situação com cada uma ao fim de duas semanas. Ajuda a terminar a dupla se não resultar.',
    'Chacun garde la charte du binôme et le contact de la personne référente. Un point de suivi est prévu au bout de deux semaines.':
        'Cada um fica com a carta da dupla e o contacto do voluntário responsável. Está previsto um ponto de acompanhamento ao fim de duas semanas.',
    'Recueillir les envies et disponibilités de chaque personne.\nPréparer la charte courte du binôme.\nChoisir un lieu public pour la première rencontre.\nNoter la date du point de suivi, deux semaines plus tard.':
        'Recolher os gostos e as disponibilidades de cada pessoa.\nPreparar a carta curta da dupla.\nEscolher um local público para o primeiro encontro.\nAnotar a data do ponto de acompanhamento, duas semanas depois.',
    'Le lieu et le moment sont choisis avec les deux personnes, selon leur mobilité, leur langue et leurs horaires. La personne référente peut accompagner la première rencontre.':
        'O local e o momento são escolhidos com as duas pessoas, conforme a sua mobilidade, a sua língua e os seus horários. O voluntário responsável pode acompanhar o primeiro encontro.',
    'Atelier « numérique apaisé »':
        'Oficina «digital tranquilo»',
    'Apprendre à utiliser les messageries et les groupes en ligne pour garder le contact, sans trop s’exposer : régler la confidentialité de ses comptes et reconnaître les signaux qui doivent alerter.':
        'Aprender a usar as aplicações de mensagens e os grupos online para manter o contacto, sem se expor demasiado: configurar a privacidade das suas contas e reconhecer os sinais de alerta.',
    'On avance au rythme de chacun ; aucune question n’est bête.\nPersonne ne touche au téléphone d’un autre sans son accord.\nOn ne montre pas ses messages personnels au groupe.\nAucun mot de passe n’est demandé ni noté.':
        'Avança-se ao ritmo de cada um; nenhuma pergunta é tola.\nNinguém mexe no telemóvel de outra pessoa sem o seu acordo.\nNão se mostram mensagens pessoais ao grupo.\nNenhuma palavra-passe é pedida nem anotada.',
    'Une personne accueille et aide chacun à s’installer avec son appareil.\nUne personne anime : elle montre les réglages pas à pas sur un exemple.\nLa personne référente reste présente si un échange en ligne a inquiété quelqu’un et oriente vers l’aide adaptée.':
        'Uma pessoa recebe e ajuda cada um a instalar-se com o seu aparelho.\nUma pessoa dinamiza: mostra as definições passo a passo num exemplo.\nO voluntário responsável está presente se uma conversa online tiver preocupado alguém e encaminha para a ajuda adequada.',
    'Chacun repart avec ses réglages de confidentialité faits et un aide-mémoire des signaux d’alerte, avec les numéros d’aide.':
        'Cada um sai com as definições de privacidade feitas e um lembrete dos sinais de alerta, com os números de ajuda.',
    'Réserver une salle avec prises électriques et connexion internet.\nPréparer un téléphone et une tablette de démonstration.\nImprimer l’aide-mémoire des signaux d’alerte et la fiche ressources locales.':
        'Reservar uma sala com tomadas elétricas e ligação à internet.\nPreparar um telemóvel e um tablet de demonstração.\nImprimir o lembrete dos sinais de alerta e a ficha de recursos locais.',
    'Salle de plain-pied. Écrire en grands caractères au tableau. Prévoir des appareils à prêter pour les personnes qui n’en ont pas. On peut venir accompagné d’un proche.':
        'Sala sem degraus. Escrever em letra grande no quadro. Prever aparelhos para emprestar às pessoas que não os têm. Pode-se vir acompanhado de alguém próximo.',
    'Marche douce':
        'Caminhada tranquila',
    'Une courte marche en ville, de 45 minutes à une heure, pour bouger un peu et discuter en chemin. Il ne s’agit pas de performance : on marche au pas de la personne la plus lente.':
        'Uma caminhada curta pela cidade, de 45 minutos a uma hora, para mexer um pouco e conversar pelo caminho. Não é uma competição: caminha-se ao passo da pessoa mais lenta.',
    'Le parcours est facile, sans dénivelé, avec des endroits pour s’asseoir.\nLe groupe part et revient au même lieu public.\nPersonne n’est laissé derrière ; on peut s’arrêter à tout moment.\nChacun peut quitter la marche en prévenant la personne ressource.':
        'O percurso é fácil, sem subidas, com sítios para se sentar.\nO grupo parte e volta ao mesmo local público.\nNinguém fica para trás; pode-se parar a qualquer momento.\nCada um pode deixar a caminhada avisando a pessoa de apoio.',
    'Une personne anime : elle ouvre la marche et règle le rythme.\nUne personne ressource, bien visible (gilet ou badge), ferme la marche et répond aux questions.\nLa personne référente a les numéros d’urgence sur elle et connaît le parcours.':
        'Uma pessoa dinamiza: vai à frente e marca o ritmo.\nUma pessoa de apoio, bem visível (colete ou crachá), vai atrás e responde às perguntas.\nO voluntário responsável tem consigo os números de emergência e conhece o percurso.',
    'On repart avec le plan du parcours, pour le refaire seul ou à plusieurs, et la fiche des ressources locales.':
        'Leva-se o mapa do percurso, para o fazer de novo sozinho ou com outros, e a ficha dos recursos locais.',
    'Repérer un parcours facile et ses bancs.\nChoisir un lieu public de départ et d’arrivée, avec des toilettes.\nRegarder la météo et prévoir de l’eau.\nPrévoir un gilet ou un badge pour la personne ressource.':
        'Reconhecer um percurso fácil e os seus bancos.\nEscolher um local público de partida e de chegada, com casa de banho.\nVer a meteorologia e levar água.\nPrever um colete ou um crachá para a pessoa de apoio.',
    'Parcours sans marches ni pentes raides, praticable en fauteuil ou avec une canne. Pauses régulières. Le lieu de départ est accessible et abrité en cas de pluie.':
        'Percurso sem degraus nem subidas íngremes, possível em cadeira de rodas ou com bengala. Pausas regulares. O local de partida é acessível e abrigado em caso de chuva.',
    'Club lecture / écriture':
        'Clube de leitura / escrita',
    'Lire ensemble des textes courts et écrire à partir de consignes très ouvertes, comme « une page, un souvenir ». L’écriture sert de prétexte pour se rencontrer, pas de concours.':
        'Ler juntos textos curtos e escrever a partir de propostas muito abertas, como «uma página, uma recordação». A escrita é um pretexto para se encontrar, não um concurso.',
    'Chacun écrit ce qu’il veut, comme il veut ; il n’y a pas de bonne réponse.\nLire son texte à voix haute n’est jamais obligatoire.\nOn peut demander que son texte soit lu par quelqu’un d’autre, sans dire qui l’a écrit.\nOn commente avec bienveillance, ou pas du tout.':
        'Cada um escreve o que quer, como quer; não há resposta certa.\nLer o seu texto em voz alta nunca é obrigatório.\nPode-se pedir que o texto seja lido por outra pessoa, sem dizer quem o escreveu.\nComenta-se com gentileza, ou não se comenta.',
    'Une personne accueille et distribue le papier et les stylos.\nUne personne anime : elle lit un texte court, donne la consigne et tient le temps.\nUne personne clôt la séance et propose la consigne de la prochaine fois.\nLa personne référente reste attentive : un souvenir peut réveiller des émotions.':
        'Uma pessoa recebe e distribui o papel e as canetas.\nUma pessoa dinamiza: lê um texto curto, dá a proposta de escrita e controla o tempo.\nUma pessoa encerra a sessão e propõe o tema da próxima vez.\nO voluntário responsável está atento: uma recordação pode despertar emoções.',
    'Chacun garde son texte. Ceux qui le souhaitent peuvent le déposer de façon anonyme dans un recueil commun.':
        'Cada um fica com o seu texto. Quem quiser pode deixá-lo de forma anónima numa coletânea comum.',
    'Choisir deux ou trois textes courts et une consigne ouverte.\nPrévoir papier, stylos et quelques dictionnaires.\nRéserver une salle calme, par exemple à la médiathèque.':
        'Escolher dois ou três textos curtos e uma proposta de escrita aberta.\nPrever papel, canetas e alguns dicionários.\nReservar uma sala calma, por exemplo na mediateca.',
    'Salle calme de plain-pied. Textes imprimés en gros caractères. On peut dicter son texte à quelqu’un ou simplement écouter.':
        'Sala calma sem degraus. Textos impressos em letra grande. Pode-se ditar o texto a alguém ou apenas ouvir.',
    'Micro-ateliers « faire ensemble »':
        'Mini-oficinas «fazer juntos»',
    'Faire quelque chose de ses mains à plusieurs : échanger des graines et des boutures, réparer des objets simples, cuisiner sans gaspiller. On fait d’abord, on parle ensuite, quand la confiance est là.':
        'Fazer alguma coisa com as mãos, em grupo: trocar sementes e estacas, reparar objetos simples, cozinhar sem desperdiçar. Primeiro faz-se, depois fala-se, quando há confiança.',
    'Personne n’a besoin de savoir-faire : on apprend les uns des autres.\nOn peut regarder avant de participer.\nLes outils se partagent et se rangent ensemble.\nLes consignes de sécurité sont rappelées au début.':
        'Ninguém precisa de saber fazer: aprendemos uns com os outros.\nPode-se observar antes de participar.\nAs ferramentas partilham-se e arrumam-se em conjunto.\nAs regras de segurança são lembradas no início.',
    'Une personne accueille et présente l’activité du jour.\nUne personne anime : elle montre les gestes et fait circuler les outils.\nUne personne clôt l’atelier autour d’une boisson, le moment où l’on parle.\nLa personne référente veille à la sécurité et au bien-être de chacun.':
        'Uma pessoa recebe e apresenta a atividade do dia.\nUma pessoa dinamiza: mostra os gestos e faz circular as ferramentas.\nUma pessoa encerra a oficina com uma bebida, o momento em que se conversa.\nO voluntário responsável cuida da segurança e do bem-estar de cada um.',
    'On repart avec ce qu’on a fait : une bouture, un objet réparé, un plat ou une recette, et la fiche des ressources locales.':
        'Leva-se o que se fez: uma estaca, um objeto reparado, um prato ou uma receita, e a ficha dos recursos locais.',
    'Choisir une activité simple et le matériel qui va avec.\nVérifier les règles de la salle (eau, cuisine, prises).\nPrévoir une trousse de premiers secours.\nPrévoir des boissons pour le temps d’échange final.':
        'Escolher uma atividade simples e o material necessário.\nVerificar as regras da sala (água, cozinha, tomadas).\nPrever uma caixa de primeiros socorros.\nPrever bebidas para o momento de conversa no fim.',
    'Salle de plain-pied avec des tables à hauteur réglable si possible. Des tâches assises et debout. Le matériel est fourni : rien à acheter.':
        'Sala sem degraus, com mesas de altura regulável se possível. Tarefas sentadas e de pé. O material é fornecido: não é preciso comprar nada.',
    'Point « aller-vers »':
        'Ponto de contacto «ir ao encontro»',
    'Une présence discrète, une à deux heures, dans le hall d’un lieu public (médiathèque, mairie), sans rendez-vous. Le but est d’informer sur ce qui existe près de chez soi, pas d’évaluer les personnes.':
        'Uma presença discreta, de uma a duas horas, na entrada de um local público (mediateca, câmara municipal), sem marcação. O objetivo é informar sobre o que existe perto de casa, não avaliar as pessoas.',
    'On ne va pas au-devant des gens avec insistance : on se rend disponible.\nAucune question personnelle n’est posée ; la personne dit ce qu’elle veut.\nAucun nom n’est noté.\nOn informe et on oriente ; on ne juge ni n’évalue.':
        'Não se aborda as pessoas com insistência: fica-se disponível.\nNão se faz nenhuma pergunta pessoal; a pessoa diz o que quiser.\nNão se anota nenhum nome.\nInforma-se e encaminha-se; não se julga nem se avalia.',
    'Une personne accueille au stand et répond aux questions.\nUne personne ressource connaît bien les services de la ville et peut accompagner vers le bon guichet.\nLa personne référente reste joignable pendant toute la présence.':
        'Uma pessoa recebe no balcão e responde às perguntas.\nUma pessoa de apoio conhece bem os serviços da cidade e pode acompanhar até ao balcão certo.\nO voluntário responsável está contactável durante toda a presença.',
    'Les personnes qui le souhaitent repartent avec la fiche des ressources locales et le programme des rencontres à venir.':
        'As pessoas que quiserem levam a ficha dos recursos locais e o programa dos próximos encontros.',
    'Obtenir l’accord du lieu et un emplacement visible mais calme.\nPrévoir une petite table, deux chaises et une affiche simple.\nImprimer la fiche ressources locales et le programme des rencontres.':
        'Obter o acordo do local e um lugar visível mas calmo.\nPrever uma mesa pequena, duas cadeiras e um cartaz simples.\nImprimir a ficha de recursos locais e o programa dos encontros.',
    'Le stand est placé dans un hall de plain-pied, à l’écart du passage. Des documents en version facile à lire et traduits sont disponibles. Une chaise est proposée à qui veut s’asseoir.':
        'O balcão fica numa entrada sem degraus, afastado da passagem. Há documentos em leitura fácil e traduzidos. Oferece-se uma cadeira a quem se quiser sentar.',
    'Consultations gratuites avec des infirmiers, psychologues et psychiatres, pour toute personne adulte qui traverse une période difficile. Premier rendez-vous rapide, sans passer par un médecin.':
        'Consultas gratuitas com enfermeiros, psicólogos e psiquiatras, para qualquer pessoa adulta que passe por um período difícil. Primeira consulta rápida, sem passar por um médico.',
    "Soins psychologiques pour les enfants et les jeunes jusqu'à 18 ans, avec leurs parents. Les rendez-vous se prennent par téléphone.":
        'Cuidados psicológicos para crianças e jovens até aos 18 anos, com os pais. As consultas marcam-se por telefone.',
    'Quatre médecins généralistes, des infirmières et une sage-femme. Ils acceptent de nouveaux patients et pratiquent le tiers payant.':
        'Quatro médicos de família, enfermeiras e uma parteira. Aceitam novos doentes e não é preciso adiantar o pagamento (tiers payant).',
    'Deux médecins généralistes. Visites à domicile pour les personnes qui ne peuvent pas se déplacer.':
        'Dois médicos de família. Visitas ao domicílio para as pessoas que não se podem deslocar.',
    'Consultations de médecine générale et de psychologie pour les étudiantes et les étudiants, sans avance de frais.':
        'Consultas de medicina geral e de psicologia para estudantes, sem adiantar dinheiro.',
    'Suivi gratuit des futurs parents et des enfants de moins de 6 ans : pesées, vaccins, conseils, écoute.':
        'Acompanhamento gratuito dos futuros pais e das crianças com menos de 6 anos: pesagens, vacinas, conselhos, escuta.',
    'Aides financières, domiciliation, accompagnement des personnes âgées et des familles. Un travailleur social vous reçoit sur rendez-vous ou à la permanence.':
        'Apoios financeiros, morada administrativa, acompanhamento de pessoas idosas e de famílias. Um assistente social recebe-o/a com marcação ou no atendimento.',
    "Une permanence du CCAS près de chez vous, sans rendez-vous, pour vos démarches d'aide sociale.":
        'Um atendimento do CCAS perto de sua casa, sem marcação, para os seus pedidos de apoio social.',
    'Des agents vous aident pour vos démarches en ligne : impôts, retraite, CAF, assurance maladie, emploi. Ordinateurs en libre accès.':
        'Funcionários ajudam-no/a nos seus processos online: impostos, reforma, CAF (abonos de família), seguro de saúde, emprego. Computadores de acesso livre.',
    "Le bus France services s'arrête aux Prés chaque jeudi matin pour vous aider dans vos démarches.":
        'O autocarro France services para em Les Prés todas as quintas-feiras de manhã para o/a ajudar nos seus processos.',
    'Informations juridiques gratuites et confidentielles avec un avocat ou un conciliateur : logement, famille, travail, dettes.':
        'Informação jurídica gratuita e confidencial com um advogado ou um conciliador: habitação, família, trabalho, dívidas.',
    'Des bénévoles formés vous aident à comprendre un courrier et à faire valoir vos droits.':
        'Voluntários com formação ajudam-no/a a compreender uma carta e a fazer valer os seus direitos.',
    'Questions de logement, de bourse ou de titre de séjour : une juriste répond aux étudiants.':
        'Questões de habitação, de bolsa ou de autorização de residência: uma jurista responde aos estudantes.',
    'Écoute, information sur vos droits et accompagnement après une agression, un vol ou un accident. Gratuit et confidentiel.':
        'Escuta, informação sobre os seus direitos e acompanhamento depois de uma agressão, um roubo ou um acidente. Gratuito e confidencial.',
    "Des bénévoles formés à l'écoute vous répondent le soir, quand la solitude pèse. Anonyme et gratuit.":
        'Voluntários com formação em escuta atendem-no/a à noite, quando a solidão pesa. Anónimo e gratuito.',
    "Des étudiants formés écoutent d'autres étudiants, la nuit, sans jugement.":
        'Estudantes com formação ouvem outros estudantes, à noite, sem julgamentos.',
    'Vous accompagnez un proche malade, âgé ou handicapé ? Une professionnelle vous écoute et vous oriente.':
        'Cuida de alguém próximo doente, idoso ou com deficiência? Uma profissional ouve-o/a e encaminha-o/a.',
    "Le premier point de contact pour toute question sur la ville : l'accueil vous oriente vers le bon service.":
        'O primeiro ponto de contacto para qualquer pergunta sobre a cidade: o atendimento encaminha-o/a para o serviço certo.',
    'Salles municipales, aide aux associations, Passerelle : le service répond aux associations et aux bénévoles.':
        'Salas municipais, apoio às associações, Passerelle: o serviço responde às associações e aos voluntários.',
    'État civil, inscriptions scolaires et informations de la mairie, près de chez vous.':
        'Registo civil, inscrições escolares e informações da câmara municipal, perto de sua casa.',
    'Une situation sociale urgente : plus de chauffage, plus de quoi manger, une expulsion.':
        'Uma situação social urgente: sem aquecimento, sem nada para comer, um despejo.',
    'Parler à un soignant quand on va mal, sans attendre un rendez-vous.':
        'Falar com um profissional de saúde quando se está mal, sem esperar por uma consulta.',
    'Un problème urgent dans la ville la nuit ou le week-end.':
        'Um problema urgente na cidade, à noite ou ao fim de semana.',
    "Charte des binômes de convivialité\n\nParticiper est volontaire.\nUn binôme ne commence que lorsque les deux personnes ont dit oui.\nLa première rencontre a lieu dans un lieu public : un café, la médiathèque, une maison de quartier.\nChacun peut arrêter à tout moment, sans avoir à donner de raison.\nOn peut ensuite revenir dans la file d'attente, si on le souhaite.\nRien n'est transmis à l'autre personne sans votre accord.\nElle ne voit votre prénom que lorsque vous avez accepté tous les deux.\nLa personne chargée de la médiation prend des nouvelles de chacun deux semaines après le début du binôme.\nSi vous quittez les binômes, vos données sont effacées aussitôt.\nSeuls des chiffres anonymes sont gardés.":
        'Carta das duplas de convívio\n\nParticipar é voluntário.\nUma dupla só começa quando as duas pessoas disseram sim.\nO primeiro encontro é num local público: um café, a mediateca, uma casa do bairro.\nCada um pode parar a qualquer momento, sem ter de dar motivo.\nDepois, pode-se voltar à lista de espera, se se quiser.\nNada é enviado à outra pessoa sem o seu acordo.\nEla só vê o seu nome próprio quando ambos tiverem aceitado.\nA pessoa responsável pela mediação pede notícias a cada um duas semanas depois do início da dupla.\nSe sair das duplas, os seus dados são apagados logo.\nSó são guardados números anónimos.',
    # How to get to the demo places (portal/demo.py PLACES).
    'Bus 3 et 7, arrêt Mairie. Entrée de plain-pied par la rue Victor-Hugo.':
        'Autocarros 3 e 7, paragem Mairie. Entrada sem degraus pela rua Victor-Hugo.',
    'À deux minutes à pied de la mairie. Accueil au rez-de-chaussée.':
        'A dois minutos a pé da câmara municipal. Receção no rés-do-chão.',
    "Tram A, arrêt Les Prés. Ascenseur à gauche de l'entrée.":
        'Elétrico A, paragem Les Prés. Elevador à esquerda da entrada.',
    "Bus 5, arrêt Tisserands. Parking vélo devant l'entrée.":
        'Autocarro 5, paragem Tisserands. Estacionamento para bicicletas em frente à entrada.',
    'Bus 7, arrêt Stade. Salle polyvalente au premier étage, avec ascenseur.':
        'Autocarro 7, paragem Stade. Sala polivalente no primeiro andar, com elevador.',
    'Tram A, arrêt Université. Suivre les panneaux « Santé ».':
        'Elétrico A, paragem Université. Siga as placas «Santé» (saúde).',
}
