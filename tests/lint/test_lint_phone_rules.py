"""BK101-BK103: phone numbers, judged by libphonenumber's metadata and the vendor's form."""

from __future__ import annotations

import json

from lint_helpers import bot, codes, dt_component, lint


def _assign(customer: object, agent: object = "919812345678") -> dict:
    return dt_component({"customerPhoneNumber": customer, "assignedUserPhoneNumber": agent})


def test_clean_numbers_pass():
    assert lint(bot(_assign("919876543210"))) == []


def test_bk101_national_number_without_country_code():
    [finding] = lint(bot(_assign("9876543210")))
    assert finding.code == "BK101" and finding.slug == "phone-country-code"
    assert "customerPhoneNumber" in finding.message and "9876543210" in finding.message
    assert "did you mean" not in finding.message


def test_bk101_trunk_prefix_zero_is_caught():
    assert codes(lint(bot(_assign("09811111111")))) == ["BK101"]


def test_bk101_default_region_only_adds_a_hint():
    [finding] = lint(bot(_assign("9876543210")), default_region="IN")
    assert finding.code == "BK101"  # still an error
    assert "did you mean 919876543210?" in finding.message


def test_bk101_vambe_style_vendor_hint_uses_e164():
    component = {
        "type": "call_api",
        "name": "Update contact",
        "method": "POST",
        "url": "https://api.vambe.me/api/public/contact/{{contact.id}}/update-metadata",
        "headers": [{"name": "x-api-key", "value": "{{VAMBE_API_KEY}}"}],
        "body": {"text": json.dumps({"phone": "9876543210"})},
    }
    [finding] = lint(bot(component), default_region="IN")
    assert finding.code == "BK101" and "did you mean +919876543210?" in finding.message


def test_bk102_not_a_number():
    [finding] = lint(bot(_assign("N/A")))
    assert finding.code == "BK102" and finding.slug == "phone-not-a-number"
    assert "'N/A' is not a phone number" in finding.message


def test_bk102_letters_and_too_short():
    assert codes(lint(bot(_assign("call me")))) == ["BK102"]
    assert codes(lint(bot(_assign("1234")))) == ["BK102"]


def test_bk103_doubletick_wants_digits_only():
    [finding] = lint(bot(_assign("+91 98765 43210")))
    assert finding.code == "BK103" and finding.severity.value == "warning"
    assert "'+91 98765 43210' -> '919876543210'" in finding.message
    assert finding.fix is not None and finding.fix.edits[0].text == '\\"919876543210\\"'


def test_bk103_plus_prefix_is_still_the_wrong_form_for_doubletick():
    assert codes(lint(bot(_assign("+919876543210")))) == ["BK103"]


def test_bk103_number_written_as_json_number():
    [finding] = lint(bot(_assign(919876543210)))
    assert finding.code == "BK103" and "as a string" in finding.message


def test_bk103_vambe_wants_e164():
    component = {
        "type": "call_api",
        "name": "Update contact",
        "method": "POST",
        "url": "https://api.vambe.me/api/public/contact/{{contact.id}}/update-metadata",
        "headers": [{"name": "x-api-key", "value": "{{VAMBE_API_KEY}}"}],
        "body": {"text": json.dumps({"phone": "56 9 8765 4321", "whatsappNumber": "+56987654321"})},
    }
    [finding] = lint(bot(component))
    assert finding.code == "BK103" and "-> '+56987654321'" in finding.message


def test_template_variables_are_never_checked():
    assert lint(bot(_assign("{{customer.phone}}", "{{agent_phone}}"))) == []


def test_list_fields_are_checked_item_by_item():
    component = dt_component(
        {"from": "919000000000", "to": "919876543210", "agentNumbers": ["917838849957", "98765"]},
        path="/collaborators/add",
        api="doubletick.add-collaborators",
    )
    [finding] = lint(bot(component))
    assert finding.code == "BK101" and "agentNumbers" in finding.message


def test_unknown_api_phone_fields_found_by_name():
    component = {
        "type": "call_api",
        "name": "CRM",
        "method": "POST",
        "url": "https://crm.example.com/leads",
        "headers": [],
        "query": [{"name": "mobileNo", "value": "9876543210"}],
        "body": {"text": json.dumps({"lead": {"customer_phone": "N/A", "name": "Asha"}})},
    }
    assert codes(lint(bot(component))) == ["BK101", "BK102"]


def test_unknown_api_without_phone_names_is_not_checked():
    component = {
        "type": "call_api",
        "name": "CRM",
        "method": "POST",
        "url": "https://crm.example.com/leads",
        "headers": [],
        "body": {"text": json.dumps({"whatsappTemplateName": "hello", "count": "98765"})},
    }
    assert lint(bot(component)) == []


def test_unknown_vendor_gets_no_format_warning():
    component = {
        "type": "call_api",
        "name": "CRM",
        "method": "POST",
        "url": "https://crm.example.com/leads",
        "headers": [],
        "body": {"text": json.dumps({"phone": "+91 98765 43210"})},
    }
    assert lint(bot(component)) == []
