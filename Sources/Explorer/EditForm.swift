import TopologyFile

/// The `E` form: the selected element's fields as the file has them; Enter applies the changed ones
/// as one edit (the same edit `:set` makes, refused with the same words).
public struct EditForm: Equatable, Sendable {
    public struct Field: Equatable, Sendable {
        public let name: String
        public let original: String
        public var value: String
    }

    public let element: String
    /// How the title names it ("an NVA").
    public let noun: String
    public internal(set) var fields: [Field]
    public internal(set) var focus = 0

    mutating func move(by step: Int) { focus = (focus + step + fields.count) % max(1, fields.count) }
    mutating func type(_ character: Character) { fields[focus].value.append(character) }
    mutating func deleteCharacter() { if !fields[focus].value.isEmpty { fields[focus].value.removeLast() } }

    /// The fields whose value differs from the file's.
    var changes: [TopologyEdit.FieldValue] {
        fields.filter { $0.value != $0.original }.map { TopologyEdit.FieldValue($0.name, $0.value) }
    }
}

extension ExplorerState {
    /// `E`: a form of the selected node's fields.
    mutating func openForm() {
        guard let document else { return fail("this topology has no file text to edit; :open a topology file") }
        let index = ElementIndex(document.outline)
        guard let element = index.element(named: selection) else {
            return fail("\(selection) is not an element of the file")
        }
        let fields = element.kind.fields.map { field in
            let value = element.currentValue(of: field.name, index: index) ?? ""
            return EditForm.Field(name: field.name, original: value, value: value)
        }
        guard !fields.isEmpty else {
            return fail("\(selection) has no fields to edit here; :set \(selection) FIELD VALUE sets any key of the file")
        }
        form = EditForm(element: element.name, noun: element.kind.noun, fields: fields)
        message = nil
    }

    /// Enter in the form: one edit of every changed field; a refusal keeps the form open to fix it.
    mutating func applyForm() {
        guard let current = form else { return }
        let changes = current.changes
        guard !changes.isEmpty else {
            form = nil
            message = .init(text: "nothing changed", isError: false)
            return
        }
        let edit: TopologyEdit = changes.count == 1
            ? .set(name: current.element, field: changes[0].field, value: changes[0].value)
            : .setFields(name: current.element, changes)
        if self.edit(edit) { form = nil }
    }
}

enum FormView {
    static func draw(_ form: EditForm, _ state: ExplorerState, into grid: inout Grid) {
        let labelWidth = (form.fields.map { displayWidth($0.name) }.max() ?? 0) + 2
        let width = min(grid.width - 2, max(48, labelWidth + (form.fields.map { displayWidth($0.value) }.max() ?? 0) + 8))
        let height = form.fields.count + 4
        let rect = Rect(x: (grid.width - width) / 2, y: max(1, (grid.height - height) / 2), width: width, height: height)
        grid.fill(rect, Cell(" ", .overlay))
        grid.box(rect, glyphs: state.glyphs, role: .overlay, title: "Edit \(form.element) (\(form.noun))", titleRole: .overlayTitle)
        for (row, field) in form.fields.enumerated() {
            let y = rect.y + 1 + row
            let focused = row == form.focus
            grid.put(field.name + ":", x: rect.x + 2, y: y, role: focused ? .overlayTitle : .overlay)
            let end = grid.put(field.value, x: rect.x + 2 + labelWidth, y: y, role: field.value != field.original ? .changed : .overlay,
                               limit: width - labelWidth - 5)
            if focused { grid.put("█", x: end, y: y, role: .overlay) }
        }
        grid.put(" Tab next field · Enter apply · Esc cancel ", x: rect.x + 1, y: rect.maxY - 2, role: .dim, limit: width - 2)
    }
}
