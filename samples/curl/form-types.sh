curl https://api.example.com/v1/documents \
  -F 'meta={"title":"Q3"};type=application/json' \
  -F 'doc=@body.json;type=application/json;filename=report.json' \
  -F 'note=plain text;type=text/plain; charset=utf-8' \
  -F 'photo=@avatar.png'
