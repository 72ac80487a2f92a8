curl 'https://api.example.com/v1/mensajes?saludo=%C2%A1hola' \
  -H 'X-Nombre: José Ñúñez' \
  -H 'Content-Type: application/json; charset=utf-8' \
  -d '{"texto":"¡Hola! 👋 你好 — ça va?"}'
