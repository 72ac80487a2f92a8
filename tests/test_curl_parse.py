"""argv -> Request: curl's rules, option by option, and what is reported instead of lost.

Each expectation here was first measured with curl 7.88 on the loopback server;
the corpus round trip (test_roundtrip_corpus.py) keeps checking them against curl.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from botkit.curl import CurlRead, read_curl
from botkit.errors import InputError
from botkit.request import BasicAuth, FormPart, Request


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "crlf.txt").write_bytes(b"a=1\r\nb=2\n")
    (tmp_path / "body.json").write_bytes(b'{"k":\n 1}\n')
    (tmp_path / "headers.txt").write_bytes(b"X-One: 1\r\n\nX-Two:   2  \n")
    (tmp_path / "image.bin").write_bytes(b"\x89PNG\x00\x01")
    (tmp_path / "latin1.txt").write_bytes(b"caf\xe9")
    return tmp_path


def read(text: str, base_dir: Path | None = None, *, strict: bool = False) -> CurlRead:
    return read_curl(text, source="<t>", base_dir=base_dir, strict=strict)


def request(text: str, base_dir: Path | None = None) -> Request:
    result = read(text, base_dir)
    assert result.warnings == [], result.warnings
    return result.request


def headers(req: Request) -> list[tuple[str, str]]:
    return [(h.name, h.value) for h in req.headers]


def fails(text: str, base_dir: Path | None = None, *, strict: bool = False) -> InputError:
    with pytest.raises(InputError) as info:
        read(text, base_dir, strict=strict)
    return info.value


# --- method ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "method"),
    [
        ("curl x", "GET"),
        ("curl -d a x", "POST"),
        ("curl -F a=b x", "POST"),
        ("curl -I x", "HEAD"),
        ("curl -G -d a x", "GET"),
        ("curl -XPUT -d a x", "PUT"),
        ("curl -X patch x", "patch"),
        ("curl -sXDELETE x", "DELETE"),
        ("curl -X GET -d a x", "GET"),
        ("curl -G -X POST -d a x", "POST"),
    ],
)
def test_method(text: str, method: str) -> None:
    assert request(text).method == method


def test_upload_file_is_a_put_of_the_file(files: Path) -> None:
    req = request("curl -T 'body.json' https://x/up/", files)
    assert (req.method, req.url, req.body and req.body.text) == (
        "PUT",
        "https://x/up/body.json",
        '{"k":\n 1}\n',
    )
    assert headers(req) == []  # no Content-Type: the exporter suppresses curl's own


# --- headers -----------------------------------------------------------------------------


def test_headers_keep_order_duplicates_and_trim_blanks() -> None:
    req = request("curl -H 'X-A: 1' -H 'x-a:2' -H 'X-B:   spaced out  ' -H 'X-Empty;' x")
    assert headers(req) == [("X-A", "1"), ("x-a", "2"), ("X-B", "spaced out"), ("X-Empty", "")]


def test_a_bare_name_removes_only_what_curl_adds() -> None:
    req = request("curl -H 'X-A: 1' -H 'X-A:' -H 'Content-Type:' -d a x")
    assert headers(req) == [("X-A", "1")]  # and no Content-Type: none is sent


def test_a_header_without_colon_is_not_sent_and_is_reported() -> None:
    result = read("curl -H 'Authorization key_abcdefghijk123' x")
    assert result.request.headers == []
    [warning] = result.warnings
    assert warning.option == "-H" and "no ':'" in warning.message


def test_headers_from_a_file(files: Path) -> None:
    assert headers(request("curl -H @headers.txt x", files)) == [("X-One", "1"), ("X-Two", "2")]


def test_headers_other_options_stand_for() -> None:
    req = request(
        "curl -A 'Bot/1' -e 'https://r/;auto' -b 'a=1; b=2' -b c=3 -r 0-99 --oauth2-bearer tok x"
    )
    assert headers(req) == [
        ("Authorization", "Bearer tok"),
        ("Range", "bytes=0-99"),
        ("User-Agent", "Bot/1"),
        ("Referer", "https://r/"),
        ("Cookie", "a=1; b=2;c=3"),
    ]


def test_custom_headers_replace_the_ones_options_stand_for() -> None:
    req = request("curl -A a -H 'user-agent: b' -b c=1 -H 'Cookie: d=2' x")
    assert headers(req) == [("user-agent", "b"), ("Cookie", "d=2")]


def test_headers_curl_adds_for_data_and_json() -> None:
    assert headers(request("curl -d a x")) == [
        ("Content-Type", "application/x-www-form-urlencoded")
    ]
    assert headers(request("curl --json '{}' x")) == [
        ("Content-Type", "application/json"),
        ("Accept", "application/json"),
    ]
    assert headers(request("curl --json '{}' -H 'accept: */*' x")) == [
        ("accept", "*/*"),
        ("Content-Type", "application/json"),
    ]
    assert headers(request("curl -G -d a x")) == []


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        ("curl -A '' x", "User-Agent"),
        ("curl -H 'User-Agent:' x", "User-Agent"),
        ("curl -H 'Accept:' x", "Accept"),
        ("curl --json '{}' -H 'Accept:' x", "Accept"),
        ("curl -H 'Host:' x", "Host"),
        ("curl -F a=b -H 'Content-Type:' x", "Content-Type"),
    ],
)
def test_a_header_curl_leaves_out_is_reported(text: str, missing: str) -> None:
    [warning] = read(text).warnings
    assert f"no {missing} header" in warning.message


@pytest.mark.parametrize("name", ["Bad Name", "", "Bearer sk_live_4f9a8b7c6d5e4f3a2b1c"])
def test_an_invalid_header_name_is_an_error(name: str) -> None:
    exc = fails(f"curl -H '{name}: v' x")
    assert "not a valid HTTP header name" in exc.message
    assert "4f9a8b7c6d5e4f3a" not in str(exc)


# --- data --------------------------------------------------------------------------------


def body(text: str, base_dir: Path | None = None) -> str | None:
    req = read(text, base_dir).request
    return req.body.text if req.body else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("curl -d a=1 -d b=2 -d '' x", "a=1&b=2&"),
        ("curl --data-raw '@not-a-file' x", "@not-a-file"),
        ("curl --json '{\"a\":1}' --json '{\"b\":2}' x", '{"a":1}{"b":2}'),
        ("curl --json '{}' -d x=1 x", "{}&x=1"),
        ("curl -d x=1 --json '{}' x", "x=1{}"),
        ("curl --data-urlencode 'q=a b&c/é~*' x", "q=a+b%26c%2F%C3%A9~%2A"),
        ("curl --data-urlencode '=x y' --data-urlencode 'plain' x", "x+y&plain"),
        ("curl -d '' x", ""),
    ],
)
def test_data(text: str, expected: str) -> None:
    assert body(text) == expected


def test_data_from_files(files: Path) -> None:
    assert body("curl -d @crlf.txt x", files) == "a=1b=2"  # -d drops CR and LF
    assert body("curl --data-ascii @crlf.txt x", files) == "a=1b=2"
    assert body("curl --data-binary @crlf.txt x", files) == "a=1\r\nb=2\n"
    assert body("curl --json @body.json x", files) == '{"k":\n 1}\n'
    assert body("curl --data-urlencode n@crlf.txt x", files) == "n=a%3D1%0D%0Ab%3D2%0A"
    assert body("curl --data-urlencode @crlf.txt x", files) == "a%3D1%0D%0Ab%3D2%0A"


def test_data_from_standard_input(files: Path) -> None:
    assert body("curl -d @- x <<'EOF'\n{\n  \"a\": 1\n}\nEOF\n") == '{  "a": 1}'
    assert body("curl --data-binary @- x <<< 'hi'") == "hi\n"
    assert body("curl --data-binary @- x < crlf.txt", files) == "a=1\r\nb=2\n"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("curl -d @missing.json x", "cannot read the file 'missing.json'"),
        ("curl -d @image.bin x", "NUL bytes"),
        ("curl -d @latin1.txt x", "not UTF-8"),
        ("curl -d @- x", "standard input"),
        ("cat body.json | curl -d @- x", "before '|'"),
    ],
)
def test_data_that_cannot_be_read(files: Path, text: str, words: str) -> None:
    assert words in fails(text, files).message


def test_get_puts_data_in_the_query_as_curl_does() -> None:
    req = request("curl -G --data-urlencode 'q=é b' -d 'x=%C3%A9' -d 'y=1#frag' 'h/p?z=%C3%A9'")
    assert req.full_url == "http://h/p?z=%C3%A9&q=%c3%a9+b&x=%c3%a9&y=1"
    assert request("curl -G -d a -d '' -d b 'h/p?'").full_url == "http://h/p?a&&b"
    assert request("curl -G -d '' h/p").full_url == "http://h/p"


def test_url_query() -> None:
    req = request("curl --url-query 'a=é b' --url-query '+raw=%20' --url-query 'bare' 'h/p?o=1'")
    assert req.full_url == "http://h/p?o=1&a=%c3%a9+b&raw=%20&bare"


# --- multipart ---------------------------------------------------------------------------


def test_form_parts(files: Path) -> None:
    req = read(
        "curl -F 'a=1;type=text/plain; charset=utf-8' -F 'b=\"x;y\\\"z\";filename=f.txt' "
        '-F \'c=@"body.json";type=application/json;filename="n;1.json"\' '
        "-F 'd=<body.json' --form-string 'e=@x;type=y' x",
        files,
    ).request
    assert req.body is not None
    assert req.body.parts == (
        FormPart("a", value="1", type="text/plain; charset=utf-8"),
        FormPart("b", value='x;y"z', filename="f.txt"),
        FormPart("c", file="body.json", filename="n;1.json", type="application/json"),
        FormPart("d", value='{"k":\n 1}\n'),
        FormPart("e", value="@x;type=y"),
    )


def test_form_oddities_are_reported() -> None:
    result = read("curl -F 'a=v;junk' -F 'b=@f;headers=\"X: 1\"' x")
    assert [w.message.split(" ")[0] for w in result.warnings] == ["curl", "the"]
    # The skipped text is masked (it may be a secret pasted in the wrong place).
    assert "skips" in result.warnings[0].message and "junk" not in result.warnings[0].message
    assert "headers=" in result.warnings[1].message
    assert "several files" in fails("curl -F 'a=@one.txt,two.txt' x").message
    assert "name=" in fails("curl -F novalue x").message


# --- credentials -------------------------------------------------------------------------


def test_user_splits_at_the_first_colon() -> None:
    assert request("curl -u 'me:pa:ss' x").auth == BasicAuth("me", "pa:ss")
    assert request("curl -u ':' x").auth == BasicAuth("", "")


def test_user_without_password_asks_at_run_time() -> None:
    result = read("curl -u me x")
    assert result.request.auth == BasicAuth("me", "{{password}}")
    assert "ask for the password" in result.warnings[0].message


def test_credentials_in_the_url() -> None:
    req = request("curl 'https://me%40x:p%3Ass@h/p'")
    assert (req.url, req.auth) == ("https://h/p", BasicAuth("me@x", "p:ss"))
    req = request("curl -u a:b 'https://me:pw@h/p'")  # -u wins; the URL's are not sent
    assert (req.url, req.auth) == ("https://h/p", BasicAuth("a", "b"))


def test_authorization_header_and_user() -> None:
    req = request("curl -u a:b -H 'Authorization: Token t' x")
    assert req.auth == BasicAuth("a", "b") and headers(req) == [("Authorization", "Token t")]
    assert request("curl -u a:b -H 'Authorization:' x").auth is None


# --- URL ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "url"),
    [
        ("curl api.example.com/x", "http://api.example.com/x"),
        ("curl --proto-default https api.example.com", "https://api.example.com"),
        ("curl 'HTTPS://H/a/../b/./c/'", "HTTPS://H/b/c/"),
        ("curl --path-as-is 'https://h/a/../b'", "https://h/a/../b"),
        ("curl 'https://h/p?q=1#frag'", "https://h/p?q=1"),
        ("curl 'https://h/p?'", "https://h/p?"),
        ("curl 'http://[::1]:8080/x'", "http://[::1]:8080/x"),
        ("curl 'https://h/{{id}}'", "https://h/{{id}}"),
        ("curl -g 'https://h/a[1]?b={x}'", "https://h/a[1]?b={x}"),
        ("curl '{{baseUrl}}/users'", "{{baseUrl}}/users"),
        ("curl -- -weird", "http://-weird"),
        ("curl --url https://h/1", "https://h/1"),
    ],
)
def test_url(text: str, url: str) -> None:
    assert request(text).full_url == url


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ("curl 'https://h/a b'", (1, 6), "blank"),
        ("curl 'https://h/[1-3]'", (1, 6), "--globoff"),
        ("curl ftp://h/f", (1, 6), "ftp://"),
        ("curl ftp.example.com", (1, 6), "ftp://"),
        ("curl https://a https://b", (1, 16), "second URL"),
        ("curl -s", None, "no URL"),
        ("curl 'https://'", (1, 6), "no host"),
    ],
)
def test_bad_urls(text: str, where: tuple[int, int] | None, words: str) -> None:
    exc = fails(text)
    assert words in exc.message
    if where:
        assert (exc.line, exc.column) == where


# --- options, in general -----------------------------------------------------------------


def test_neutral_options_are_quiet() -> None:
    text = (
        "curl -sSLkv -o /dev/null -w '%{http_code}' --compressed --max-time 5 -m 5 "
        "--connect-timeout 2 --retry 3 -i --http1.1 -q --no-progress-meter -#  x"
    )
    assert read(text).warnings == []


@pytest.mark.parametrize(
    "option",
    [
        "--digest",
        "-x http://proxy:3128",
        "--ntlm",
        "-E cert.pem",
        "--aws-sigv4 aws:amz",
        "--resolve h:443:127.0.0.1",
        "-z 'yesterday'",
        "-b cookies.txt",
        "--netrc",
    ],
)
def test_options_a_component_cannot_hold_are_reported(option: str) -> None:
    result = read(f"curl {option} https://h/p")
    [warning] = result.warnings
    assert warning.option == option.split()[0] and (warning.line, warning.column) == (1, 6)
    assert "left out" in warning.message
    exc = fails(f"curl {option} https://h/p", strict=True)
    assert "--strict" in exc.message and (exc.line, exc.column) == (1, 6)


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ("curl --frobnicate x", (1, 6), "--frobnicate is not a curl option"),
        ("curl -W x", (1, 6), "-W is not a curl option"),
        ("curl -sW x", (1, 6), "-W is not a curl option"),
        ("curl x -H", (1, 8), "-H needs a value"),
        ("curl -K opts.txt x", (1, 6), "reads more options from a file"),
        ("curl x --next y", (1, 8), "starts a second request"),
        ("curl -V", (1, 6), "prints the version"),
        ("curl -I -d a x", (1, 9), "-I/--head and -d/--data"),
        ("curl -d a -I x", (1, 11), "-d/--data and -I/--head"),
        ("curl -F a=b -d a x", (1, 13), "-F/--form and -d/--data"),
    ],
)
def test_option_errors(text: str, where: tuple[int, int], words: str) -> None:
    exc = fails(text)
    assert words in exc.message
    assert (exc.line, exc.column) == where


def test_strict_also_refuses_unset_variables() -> None:
    assert "$TOKEN" in fails('curl -H "A: $TOKEN" x', strict=True).message


_SECRET = "sk_live_4f9a8b7c6d5e4f3a2b1c"


@pytest.mark.parametrize(
    "text",
    [
        f"curl -H 'Authorization {_SECRET}' x",
        f"curl -H '{_SECRET} x: y' x",
        f"curl -u 'me:{_SECRET}' --digest x",
        f"curl -u $'me:{_SECRET}\\n' x",
        f"curl -F 'a=v;{_SECRET}' x",
        f"curl 'https://h/?key={_SECRET}' https://second",
        f"curl -H 'X-Key: {_SECRET}' -H $'X-Bad: a\\nb' x",
    ],
)
def test_secrets_never_appear_in_messages(text: str, tmp_path: Path) -> None:
    try:
        result = read(text, tmp_path, strict=True)
    except InputError as exc:
        messages = [str(exc)]
    else:
        messages = [str(w) for w in result.warnings]
    assert messages
    for message in messages:
        assert _SECRET not in message
        assert "4f9a8b7c6d5e4f3a" not in message
