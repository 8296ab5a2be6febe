"""Chinese text of lessons.display: the line shown in place of a widget where it cannot run."""

MESSAGES = {
    "{title} (run the notebook to move its controls)": "{title}（运行笔记本即可操作其控件）",
}
