"""The demo town's texts in English, by their French (standard) text: see portal/content/demo.py."""

TEXTS = {
    # How to get to the demo places (portal/demo.py PLACES).
    'Bus 3 et 7, arrêt Mairie. Entrée de plain-pied par la rue Victor-Hugo.':
        'Bus 3 and 7, Mairie stop. Step-free entrance on rue Victor-Hugo.',
    'À deux minutes à pied de la mairie. Accueil au rez-de-chaussée.':
        "Two minutes' walk from the town hall. Reception on the ground floor.",
    "Tram A, arrêt Les Prés. Ascenseur à gauche de l'entrée.":
        'Tram A, Les Prés stop. Lift to the left of the entrance.',
    "Bus 5, arrêt Tisserands. Parking vélo devant l'entrée.":
        'Bus 5, Tisserands stop. Bike parking in front of the entrance.',
    'Bus 7, arrêt Stade. Salle polyvalente au premier étage, avec ascenseur.':
        'Bus 7, Stade stop. Multi-purpose room on the first floor, with a lift.',
    'Tram A, arrêt Université. Suivre les panneaux « Santé ».':
        'Tram A, Université stop. Follow the “Santé” (health) signs.',
}
