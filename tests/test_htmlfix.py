from study import htmlfix


def test_blank_runs_become_one_line_break():
    assert htmlfix.collapse_blank_space("<p>a  \n\n   b</p>\n\n   <li>c</li>") == "<p>a\nb</p>\n<li>c</li>"


def test_pre_textarea_and_script_keep_their_space():
    page = "<div>\n\n <pre class=x>x\n\n  y</pre>\n <textarea>\n  t</textarea>\n<SCRIPT>\n  var a;\n</SCRIPT>\n\n</div>"
    assert htmlfix.collapse_blank_space(page) == (
        "<div>\n<pre class=x>x\n\n  y</pre>\n<textarea>\n  t</textarea>\n<SCRIPT>\n  var a;\n</SCRIPT>\n</div>")


def test_space_without_a_line_break_is_left_alone():
    assert htmlfix.collapse_blank_space("<p>a   b</p> <p>c</p>") == "<p>a   b</p> <p>c</p>"


def test_an_element_whose_name_starts_like_pre_is_not_kept():
    assert htmlfix.collapse_blank_space("<prefix>\n\n  a</prefix>") == "<prefix>\na</prefix>"
