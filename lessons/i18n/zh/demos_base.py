"""Chinese text of lessons.demos.base: what every notebook widget shares."""

MESSAGES = {
    "an interactive figure": "一幅交互式图形",
    "controls: at most {most} controls, got {count}": "controls：最多 {most} 个控件，收到 {count} 个",
    "set() got an unknown control {name!r}; the controls are {controls}": (
        "set() 收到未知的控件 {name!r}；现有控件为 {controls}"
    ),
}
