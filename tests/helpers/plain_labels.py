"""A form with no language columns (a plain `label` column), and fieldkit's own "required"
message in each language: shared by the command-line and the window's tests of issue 9.

Import as `from tests.helpers.plain_labels import PLAIN_FORM, REQUIRED_MESSAGE`.
"""

PLAIN_FORM = """\
| survey |
| | type             | name     | label                        | required | constraint |
| | text             | office   | Tên cơ quan                  | yes      |            |
| | integer          | staff    | Số cán bộ                    | yes      | . >= 0     |
| | select_one yn    | wifi     | Có wifi không?               |          |            |
| | begin repeat     | room     | Phòng                        |          |            |
| | text             | room_name | Tên phòng                   | yes      |            |
| | end repeat       |          |                              |          |            |
| choices |
| | list_name | name | label |
| | yn        | yes  | Có    |
| | yn        | no   | Không |
| settings |
| | form_id      | form_title      |
| | plain_labels | Biểu mẫu không ngôn ngữ |
"""

REQUIRED_MESSAGE = {"vi": "Câu hỏi này bắt buộc phải trả lời.", "en": "This answer is required."}
