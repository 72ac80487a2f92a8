curl https://api.example.com/v1/echo -H 'X-Mixed: '"double"' and '\''single'\' --data "a=\`tick\` \\ \"q\"" -H X-Escaped:\ spaced\ value
