import RoutingEngine

extension ExplorerState {
    /// A key, looked up in the keymap for the current mode, then carried out.
    mutating func handle(_ key: Key) -> [Effect] {
        let mode = self.mode
        guard let binding = Keymap.lookup(key, in: mode) else {
            // Unbound keys type into the line editors; elsewhere they do nothing.
            if case .char(let character) = key {
                if mode == .command, let text = commandLine { commandLine = text + String(character) }
                if mode == .filter { setFilter(filter + String(character)) }
                if mode == .answer { typeAnswer(character) }
                if mode == .form { form?.type(character) }
            }
            return []
        }
        if ![.help, .detail, .beforeAfter, .command, .filter, .answer, .form].contains(mode) { message = nil }
        if binding.isEdit && !editsAllowed {
            fail(Self.presenterEditRefusal)
            return []
        }
        if !Keymap.allowed(inPresenter: binding.inPresenter, isEdit: binding.isEdit, self) {
            fail("presenter mode does not \(binding.help.split(separator: " ").prefix(2).joined(separator: " ")) (it writes files); start without --present")
            return []
        }
        guard binding.requirement.holds(in: self) else {
            switch binding.requirement {
            case .routeServer: fail("this topology has no Route Server")
            case .vpnGateway: fail("this topology has no VPN gateway")
            case .choiceQuestion: break
            case .document: fail("this topology has no file text to edit; :open a topology file")
            case .always: break
            }
            return []
        }
        return perform(binding.action, key: key)
    }

    /// The one place each action is carried out.
    mutating func perform(_ action: Action, key: Key) -> [Effect] {
        switch action {
        case .toggleRouteExchange: toggleRouteExchange()
        case .toggleActiveActive: toggleActiveActive()
        case .cyclePreference: cyclePreference()
        case .toggleDown: toggleDown(selection)
        case .undo: undo()
        case .redo: redo()
        case .moveUp: move(dx: 0, dy: -1)
        case .moveDown: move(dx: 0, dy: 1)
        case .moveLeft: move(dx: -1, dy: 0)
        case .moveRight: move(dx: 1, dy: 0)
        case .nextPane: focus = Pane(rawValue: (focus.rawValue + 1) % Pane.allCases.count)!
        case .previousPane: focus = Pane(rawValue: (focus.rawValue + Pane.allCases.count - 1) % Pane.allCases.count)!
        case .chooseTab:
            if case .char(let digit) = key, let index = digit.wholeNumberValue, index >= 1, index <= tabs.count {
                select(tab: tabs[index - 1])
            }
        case .scrollLeft: scrollColumns(by: -TablePaneView.scrollStep)
        case .scrollRight: scrollColumns(by: TablePaneView.scrollStep)
        case .nextTab: cycleTab(by: 1)
        case .previousTab: cycleTab(by: -1)
        case .pageUp: scrollPage(-1)
        case .pageDown: scrollPage(1)
        case .top: moveRow(by: -Int.max / 2)
        case .bottom: moveRow(by: Int.max / 2)
        case .openDetail: openDetail()
        case .beforeAfter: openBeforeAfter()
        case .startTrace: commandLine = "trace "
        case .stepThrough, .stepNext: step(by: 1)
        case .stepBack: step(by: -1)
        case .stepToEnd: runToStable()
        case .leaveStepThrough: leaveStepMode()
        case .openLesson: resumeLesson()
        case .export: commandLine = "export \(topology.name).md"
        case .startFilter:
            isEditingFilter = true
            focus = .table
        case .openCommandLine: commandLine = ""
        case .help:
            overlay = .help
            overlayScroll = 0
        case .quit:
            if presenter || isDirty { confirmingQuit = true } else { shouldQuit = true }
        case .confirmQuit: shouldQuit = true
        case .cancelQuit: confirmingQuit = false
        case .back:
            if trace != nil {
                trace = nil
                rebuildTable()
            } else if !filter.isEmpty {
                setFilter("")
            }
        case .lessonNext: lessonNext()
        case .lessonBack: lessonBack()
        case .beginAnswer: beginAnswer()
        case .leaveLesson: leaveLesson()
        case .submitAnswer: submitAnswer()
        case .cancelAnswer: cancelAnswer()
        case .deleteAnswerCharacter: deleteAnswerCharacter()
        case .chooseAnswer(let step): chooseAnswer(by: step)
        case .overlayScroll(let lines): scrollOverlay(by: lines)
        case .overlayPage(let pages): scrollOverlay(by: pages * max(1, (overlay == .beforeAfter ? BeforeAfterView.bodyHeight(self) : OverlayView.bodyHeight(self)) - 1))
        case .overlayTop: overlayScroll = 0
        case .overlayBottom: scrollOverlay(by: Int.max / 2)
        case .closeOverlay: overlay = nil
        case .submitLine:
            if let text = commandLine {
                commandLine = nil
                return run(ColonCommand.parse(text))
            }
            isEditingFilter = false
        case .cancelLine:
            if commandLine != nil {
                commandLine = nil
            } else {
                isEditingFilter = false
                setFilter("")
            }
        case .deleteCharacter:
            if let text = commandLine {
                commandLine = text.isEmpty ? nil : String(text.dropLast())
            } else {
                setFilter(String(filter.dropLast()))
            }
        case .complete:
            if let text = commandLine { complete(text) }
        case .openForm: openForm()
        case .formNext: form?.move(by: 1)
        case .formPrevious: form?.move(by: -1)
        case .formDelete: form?.deleteCharacter()
        case .formCancel:
            form = nil
            message = .init(text: "edit cancelled: nothing changed", isError: false)
        case .formApply: applyForm()
        case .mouse: break
        }
        return []
    }

    mutating func scrollOverlay(by lines: Int) {
        let limit = overlay == .beforeAfter ? BeforeAfterView.scrollLimit(self)
            : max(0, OverlayView.lineCount(self) - OverlayView.bodyHeight(self))
        overlayScroll = max(0, min(limit, overlayScroll.addingReportingOverflow(lines).partialValue))
    }
}
