"""What a session computes as ODK (JavaRosa, Web Forms) does: blank non-relevant nodes,
choice filters, setvalue actions, numbers, preloads and labels."""

from tests.helpers.odk_forms import form_from_md, form_from_xform


def test_a_non_relevant_answer_reads_as_blank_and_comes_back_when_relevant(tmp_path):
    form = form_from_md(tmp_path, """
        | survey |
        | | type          | name    | label   | relevant        | calculation            |
        | | select_one yn | has_pc  | Has PC? |                 |                        |
        | | integer       | pcs     | PCs     | ${has_pc} = 'y' |                        |
        | | calculate     | doubled |         |                 | coalesce(${pcs}, 0) * 2 |
        | choices |
        | | list_name | name | label |
        | | yn        | y    | Yes   |
        | | yn        | n    | No    |
    """)
    session = form.new_session()
    session.set("/data/has_pc", "y")
    session.set("/data/pcs", "3")
    assert session.value("/data/doubled") == "6"
    session.set("/data/has_pc", "n")
    assert session.value("/data/doubled") == "0"
    assert "<pcs>" not in session.to_xml()
    session.set("/data/has_pc", "y")
    assert session.value("/data/pcs") == "3"
    assert session.value("/data/doubled") == "6"


def test_non_relevant_repeat_answers_read_as_blank_in_counts_and_in_jr_count():
    form = form_from_xform(
        '<data id="t"><use/><n/><rows><row><ok/></row><row><ok/></row></rows><yes/>'
        '<rep jr:template=""><q/></rep></data>',
        '<bind nodeset="/data/n" relevant="/data/use = \'1\'" type="int"/>'
        '<bind nodeset="/data/rows" relevant="/data/use = \'1\'"/>'
        '<bind nodeset="/data/yes" calculate="count(/data/rows/row[ok = \'y\'])"/>',
        '<input ref="/data/use"/><input ref="/data/n"/>'
        '<group ref="/data/rows"><repeat nodeset="/data/rows/row"><input ref="/data/rows/row/ok"/></repeat></group>'
        '<repeat nodeset="/data/rep" jr:count="/data/n"/>',
    )
    session = form.new_session()
    session.set("/data/use", "1")
    session.set("/data/n", "2")
    session.set("/data/rows/row[1]/ok", "y")
    assert (session.value("/data/yes"), session.repeat_count("/data/rep")) == ("1", 2)
    session.set("/data/use", "0")
    assert (session.value("/data/yes"), session.repeat_count("/data/rep")) == ("0", 0)


def test_a_select_answer_filtered_out_by_its_choice_filter_is_cleared(tmp_path):
    form = form_from_md(tmp_path, """
        | survey |
        | | type                 | name     | label    | choice_filter       |
        | | select_one region    | region   | Region   |                     |
        | | select_one place     | place    | Place    | region = ${region}  |
        | | select_multiple place| places   | Places   | region = ${region} or name = 'hq' |
        | choices |
        | | list_name | name  | label | region |
        | | region    | north | North |        |
        | | region    | south | South |        |
        | | place     | hn    | Hà Nội | north |
        | | place     | hp    | Hải Phòng | north |
        | | place     | hcm   | TP HCM | south |
        | | place     | hq    | HQ     | none  |
    """)
    session = form.new_session()
    session.set("/data/region", "north")
    session.set("/data/place", "hp")
    session.set("/data/places", "hn hq hp")
    session.set("/data/region", "south")
    assert session.value("/data/place") == ""
    assert session.value("/data/places") == "hq"


def test_setvalue_sets_a_target_chosen_by_a_predicate_reading_the_targets_context():
    form = form_from_xform(
        '<data id="t"><rep><x>a</x><dest/></rep><rep><x>b</x><dest/></rep><src/></data>',
        '<setvalue event="odk-instance-first-load" ref="/data/rep[position()=2]/dest" value="concat(\'got \', ../x)"/>',
        '<input ref="/data/src"><setvalue event="xforms-value-changed" ref="/data/rep[1]/dest" value="../x"/></input>'
        '<repeat nodeset="/data/rep"><input ref="/data/rep/x"/></repeat>',
    )
    session = form.new_session()
    assert (session.value("/data/rep[1]/dest"), session.value("/data/rep[2]/dest")) == ("", "got b")
    session.set("/data/src", "go")
    assert session.value("/data/rep[1]/dest") == "a"


def test_value_changed_actions_run_after_the_recalculation_their_answer_caused():
    form = form_from_xform(
        '<data id="t"><q/><double/><copy/></data>',
        '<bind nodeset="/data/double" calculate="/data/q * 2"/>',
        '<input ref="/data/q"><setvalue event="xforms-value-changed" ref="/data/copy" value="/data/double"/></input>',
    )
    session = form.new_session()
    session.set("/data/q", "21")
    assert session.value("/data/copy") == "42"


def test_setvalue_and_preload_set_attributes():
    form = form_from_xform(
        '<data id="t" orx:version="1" stamp=""><q/></data>',
        '<bind nodeset="/data/@orx:version" jr:preload="property" jr:preloadParams="deviceid"/>',
        '<input ref="/data/q"><setvalue event="xforms-value-changed" ref="/data/@stamp" value="concat(\'q=\', /data/q)"/></input>',
    )
    session = form.new_session(properties={"deviceid": "laptop-7"})
    session.set("/data/q", "5")
    assert 'orx:version="laptop-7"' in session.to_xml()
    assert 'stamp="q=5"' in session.to_xml()


def test_nan_is_stored_blank_and_an_integer_keeps_its_whole_part():
    form = form_from_xform(
        '<data id="t"><q/><ratio/><whole/><count/></data>',
        '<bind nodeset="/data/q" type="int"/><bind nodeset="/data/ratio" calculate="/data/q div 0 * 0"/>'
        '<bind nodeset="/data/whole" type="int" calculate="7 div 2"/><bind nodeset="/data/count" type="int"/>',
        '<input ref="/data/q"/><input ref="/data/count"/>',
    )
    session = form.new_session()
    session.set("/data/q", "abc")
    assert session.value("/data/ratio") == ""
    assert session.value("/data/whole") == "3"
    session.set("/data/count", 2.5)
    assert session.value("/data/count") == "2"
    session.set("/data/count", "-2.7")
    assert session.value("/data/count") == "-2"


def test_jr_choice_name_reads_a_relative_path():
    form = form_from_xform(
        '<data id="t"><rep><colour/><name/></rep></data>',
        '<bind nodeset="/data/rep/name" calculate="jr:choice-name(../colour, \' ../colour \')"/>',
        '<repeat nodeset="/data/rep"><select1 ref="/data/rep/colour"><label>c</label>'
        '<item><label>Red</label><value>r</value></item><item><label>Blue</label><value>b</value></item>'
        '</select1></repeat>',
    )
    session = form.new_session()
    session.set("/data/rep[1]/colour", "b")
    assert session.value("/data/rep[1]/name") == "Blue"


def test_a_uid_preload_fills_orx_instance_id_and_replaces_a_default():
    form = form_from_xform(
        '<data id="t"><orx:meta><orx:instanceID>uuid:copied-from-an-old-form</orx:instanceID></orx:meta></data>',
        '<bind nodeset="/data/orx:meta/orx:instanceID" jr:preload="uid" type="string"/>',
    )
    first, second = form.new_session(), form.new_session()
    assert first.value("/data/meta/instanceID").startswith("uuid:")
    assert first.value("/data/meta/instanceID") != "uuid:copied-from-an-old-form"
    assert first.value("/data/meta/instanceID") != second.value("/data/meta/instanceID")


def test_finalizing_recomputes_a_calculation_set_by_hand():
    form = form_from_xform(
        '<data id="t"><staff/><trained/><share/></data>',
        '<bind nodeset="/data/share" calculate="round(/data/trained div /data/staff * 100, 0)"/>',
        '<input ref="/data/staff"/><input ref="/data/trained"/>',
    )
    session = form.new_session()
    session.set("/data/staff", "4")
    session.set("/data/trained", "2")
    session.node("/data/share").value = "130"  # a stored answer edited outside the session
    session.stamp_end()
    assert session.value("/data/share") == "50"


def test_last_saved_instance_prefills_from_the_previous_submission():
    form = form_from_xform(
        '<data id="t"><commune/></data>',
        '<bind nodeset="/data/commune" type="string"/>'
        '<setvalue event="odk-instance-first-load" ref="/data/commune" value="instance(\'__last-saved\')/data/commune"/>',
        '<input ref="/data/commune"/>',
        head='<instance id="__last-saved" src="jr://instance/last-saved"/>',
    )
    assert form.new_session().value("/data/commune") == ""
    previous = '<data id="t"><commune>00004</commune></data>'
    assert form.new_session(last_saved=previous).value("/data/commune") == "00004"
