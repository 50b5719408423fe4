<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>Annotating</name>
    <message>
        <location filename="../../desktop_app/ui/annotating.py" line="36" />
        <source>已高亮并保存</source>
        <translation>Highlighted and saved</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/annotating.py" line="47" />
        <source>先选中要高亮的文字</source>
        <translation>Select the text to highlight first</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/annotating.py" line="95" />
        <source>批注已删除（Ctrl+Z 撤销）</source>
        <translation>Annotation deleted (Ctrl+Z undoes)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/annotating.py" line="111" />
        <source>批注已重新附着（Ctrl+Z 撤销）</source>
        <translation>Annotation reattached (Ctrl+Z undoes)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/annotating.py" line="116" />
        <source>把所选批注重新附着到这里</source>
        <translation>Reattach the selected annotation here</translation>
    </message>
</context>
<context>
    <name>AnnotationListModel</name>
    <message>
        <location filename="../../desktop_app/ui/annotation_model.py" line="22" />
        <source>⚠ 未定位 · </source>
        <translation>⚠ orphaned · </translation>
    </message>
</context>
<context>
    <name>AnnotationsPanel</name>
    <message>
        <location filename="../../desktop_app/ui/annotations_panel.py" line="50" />
        <source>筛选批注</source>
        <translation>Filter annotations</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/annotations_panel.py" line="52" />
        <source>显示全部文章的批注</source>
        <translation>Show annotations of every article</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/annotations_panel.py" line="59" />
        <source>笔记（自动保存）</source>
        <translation>Note (saved as you type)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/annotations_panel.py" line="66" />
        <source>标签，用空格分开</source>
        <translation>Tags, separated by spaces</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/annotations_panel.py" line="67" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/annotations_panel.py" line="68" />
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/annotations_panel.py" line="179" />
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/annotations_panel.py" line="215" />
        <source>未保存</source>
        <translation>Not saved yet</translation>
    </message>
</context>
<context>
    <name>Colours</name>
    <message>
        <location filename="../../desktop_app/ui/reader_view.py" line="38" />
        <source>黄色</source>
        <translation>yellow</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reader_view.py" line="39" />
        <source>绿色</source>
        <translation>green</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reader_view.py" line="40" />
        <source>蓝色</source>
        <translation>blue</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reader_view.py" line="41" />
        <source>粉色</source>
        <translation>pink</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reader_view.py" line="42" />
        <source>紫色</source>
        <translation>purple</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reader_view.py" line="69" />
        <source>高亮为{color}</source>
        <translation>Highlight in {color}</translation>
    </message>
</context>
<context>
    <name>Correcting</name>
    <message>
        <location filename="../../desktop_app/ui/correcting.py" line="32" />
        <source>大纲</source>
        <translation>Outline</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/correcting.py" line="35" />
        <source>这一段开始…的发言</source>
        <translation>This paragraph begins a turn of…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/correcting.py" line="38" />
        <source>新发言人…</source>
        <translation>New speaker…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/correcting.py" line="40" />
        <source>这一段不是发言（名字是正文）</source>
        <translation>This paragraph is no turn (the name is text)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/correcting.py" line="44" />
        <location filename="../../desktop_app/ui/correcting.py" line="87" />
        <source>不是话题</source>
        <translation>Not a topic</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/correcting.py" line="46" />
        <source>设为话题</source>
        <translation>Make it a topic</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/correcting.py" line="47" />
        <source>删除这一段</source>
        <translation>Take this paragraph out</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/correcting.py" line="49" />
        <source>重命名文章…</source>
        <translation>Rename the article…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/correcting.py" line="52" />
        <source>凡以「{label}：」开头的段落都是 {label} 的发言</source>
        <translation>Every paragraph beginning “{label}:” is a turn of {label}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/correcting.py" line="59" />
        <source>恢复这一段</source>
        <translation>Bring this paragraph back</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/correcting.py" line="75" />
        <source>重命名…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/correcting.py" line="76" />
        <source>身份和角色…</source>
        <translation>Affiliation and role…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/correcting.py" line="78" />
        <source>是同一个人：</source>
        <translation>The same person as:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/correcting.py" line="86" />
        <source>重命名话题…</source>
        <translation>Rename the topic…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/correcting.py" line="92" />
        <source>重命名话题</source>
        <translation>Rename the topic</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/correcting.py" line="92" />
        <source>话题：</source>
        <translation>Topic:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/correcting.py" line="101" />
        <source>重命名文章</source>
        <translation>Rename the article</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/correcting.py" line="101" />
        <source>标题：</source>
        <translation>Title:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/correcting.py" line="113" />
        <location filename="../../desktop_app/ui/correcting.py" line="121" />
        <source>发言人身份</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/correcting.py" line="114" />
        <source>{name} 的身份：</source>
        <translation>Who {name} is:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/correcting.py" line="119" />
        <source>嘉宾</source>
        <translation>Guest</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/correcting.py" line="119" />
        <source>主持人</source>
        <translation>Host</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/correcting.py" line="121" />
        <source>角色：</source>
        <translation>Role:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/correcting.py" line="128" />
        <source>新发言人</source>
        <translation>New speaker</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/correcting.py" line="128" />
        <source>名字：</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/correcting.py" line="133" />
        <source>重命名发言人</source>
        <translation>Rename the speaker</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/correcting.py" line="133" />
        <source>新名字：</source>
        <translation>New name:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/correcting.py" line="151" />
        <source>大纲已修改（Ctrl+Z 撤销）</source>
        <translation>Outline corrected (Ctrl+Z undoes)</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="22" />
        <source>导出批注</source>
        <translation>Export annotations</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="23" />
        <source>Markdown（阅读、笔记软件）</source>
        <translation>Markdown (for reading and notes apps)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="24" />
        <source>Web Annotation JSON（其他批注工具）</source>
        <translation>Web Annotation JSON (for other annotation tools)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="25" />
        <source>本文的批注</source>
        <translation>This article's annotations</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="26" />
        <source>全部文章的批注</source>
        <translation>Annotations of every article</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="32" />
        <source>格式</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="33" />
        <source>范围</source>
        <translation>Scope</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../desktop_app/ui/file_actions.py" line="34" />
        <location filename="../../desktop_app/ui/file_actions.py" line="48" />
        <location filename="../../desktop_app/ui/file_actions.py" line="57" />
        <source>导入文章</source>
        <translation>Import articles</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/file_actions.py" line="34" />
        <source>文章 (*.txt *.md *.markdown *.html *.htm);;所有文件 (*)</source>
        <translation>Articles (*.txt *.md *.markdown *.html *.htm);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/file_actions.py" line="44" />
        <source>正在导入 {count} 个文件…</source>
        <translation>Importing {count} files…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/file_actions.py" line="57" />
        <source>以下文件没有导入：</source>
        <translation>These files were not imported:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/file_actions.py" line="77" />
        <location filename="../../desktop_app/ui/file_actions.py" line="86" />
        <source>导出批注</source>
        <translation>Export annotations</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/file_actions.py" line="75" />
        <source>批注.md</source>
        <translation>annotations.md</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/file_actions.py" line="75" />
        <source>批注.json</source>
        <translation>annotations.json</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/file_actions.py" line="76" />
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/file_actions.py" line="76" />
        <source>Web Annotation JSON (*.json)</source>
        <translation>Web Annotation JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/file_actions.py" line="87" />
        <source>无法写入 {path}：{reason}</source>
        <translation>Cannot write {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/file_actions.py" line="90" />
        <source>已导出到 {path}</source>
        <translation>Exported to {path}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/file_actions.py" line="102" />
        <source>已复制为 Markdown</source>
        <translation>Copied as Markdown</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../desktop_app/ui/find_bar.py" line="48" />
        <source>在本文中查找（F3 下一个，Shift+F3 上一个，Esc 关闭）</source>
        <translation>Find in this article (F3 next, Shift+F3 previous, Esc closes)</translation>
    </message>
</context>
<context>
    <name>HelpActions</name>
    <message>
        <location filename="../../desktop_app/ui/help_actions.py" line="23" />
        <source>面板</source>
        <translation>Panels</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/help_actions.py" line="25" />
        <source>保存笔记（批注面板）</source>
        <translation>Save the note (annotations panel)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/help_actions.py" line="26" />
        <source>打开第一个结果（搜索面板）</source>
        <translation>Open the first result (search panel)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/help_actions.py" line="27" />
        <source>关闭查找栏</source>
        <translation>Close the find bar</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <location filename="../../desktop_app/ui/library_model.py" line="20" />
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/library_model.py" line="21" />
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/library_model.py" line="22" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/library_model.py" line="23" />
        <source>发言人</source>
        <translation>Speakers</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/library_model.py" line="24" />
        <source>批注</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/library_model.py" line="67" />
        <source>{count} 位发言人</source>
        <translation>{count} speakers</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/library_model.py" line="68" />
        <source>{count} 字</source>
        <translation>{count} characters</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/library_model.py" line="69" />
        <source>{count} 条批注</source>
        <translation>{count} annotations</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <location filename="../../desktop_app/ui/library_panel.py" line="39" />
        <source>筛选文章（标题、来源、日期）</source>
        <translation>Filter articles (title, source, date)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="85" />
        <source>文库</source>
        <translation>Library</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="86" />
        <source>大纲</source>
        <translation>Outline</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="87" />
        <source>批注</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="88" />
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="89" />
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/actions.py" line="20" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/actions.py" line="21" />
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/actions.py" line="22" />
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/actions.py" line="23" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/actions.py" line="37" />
        <source>导入文章…</source>
        <translation>Import articles…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/actions.py" line="38" />
        <source>导出批注…</source>
        <translation>Export annotations…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/actions.py" line="39" />
        <source>复制所选批注为 Markdown</source>
        <translation>Copy selected annotations as Markdown</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/actions.py" line="40" />
        <source>切换用户…</source>
        <translation>Switch user…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/actions.py" line="41" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/actions.py" line="42" />
        <source>撤销批注改动</source>
        <translation>Undo annotation change</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/actions.py" line="43" />
        <source>重做批注改动</source>
        <translation>Redo annotation change</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/actions.py" line="44" />
        <source>高亮所选文字</source>
        <translation>Highlight selection</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/actions.py" line="45" />
        <source>高亮所选文字（整句）</source>
        <translation>Highlight selection (whole sentences)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/actions.py" line="46" />
        <source>在本文中查找</source>
        <translation>Find in article</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/actions.py" line="47" />
        <source>查找下一个</source>
        <translation>Find next</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/actions.py" line="48" />
        <source>查找上一个</source>
        <translation>Find previous</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/actions.py" line="49" />
        <source>搜索全部文章</source>
        <translation>Search all articles</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/actions.py" line="50" />
        <source>后退</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/actions.py" line="51" />
        <source>前进</source>
        <translation>Forward</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/actions.py" line="52" />
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/actions.py" line="53" />
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/actions.py" line="54" />
        <source>原始大小</source>
        <translation>Actual size</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/actions.py" line="55" />
        <source>显示已删除内容</source>
        <translation>Show what cleaning removed</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/actions.py" line="56" />
        <source>阅读模式（隐藏面板）</source>
        <translation>Reading mode (hide the panels)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/actions.py" line="57" />
        <source>只看所选发言人</source>
        <translation>Only the selected speaker</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/theme.py" line="103" />
        <source>主题</source>
        <translation>Theme</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/theme.py" line="105" />
        <source>跟随系统</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/theme.py" line="106" />
        <source>浅色</source>
        <translation>Light</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/theme.py" line="107" />
        <source>深色</source>
        <translation>Dark</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/actions.py" line="58" />
        <source>键盘快捷键</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/actions.py" line="59" />
        <source>打开日志文件夹</source>
        <translation>Open the log folder</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="430" />
        <source>AIGC 阅读器</source>
        <translation>AIGC Reader</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_only_mark.py" line="29" />
        <source>AIGC 阅读器 — {user}</source>
        <translation>AIGC Reader — {user}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_only_mark.py" line="30" />
        <source>（只读）</source>
        <translation> (read-only)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_only_mark.py" line="32" />
        <source>批注只读：无法保存</source>
        <translation>Annotations read-only: nothing can be saved</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../../desktop_app/ui/navigation.py" line="80" />
        <source>显示全文</source>
        <translation>Showing the whole text</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/navigation.py" line="88" />
        <source>只显示{speaker}的 {turns} 段发言和所答的问题（再按“只看此人”显示全文）</source>
        <translation>Showing only {speaker}'s {turns} turns and the questions they answer (press “Only this speaker” again for the whole text)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/navigation.py" line="148" />
        <source>{count} 处匹配</source>
        <translation>{count} matches</translation>
    </message>
</context>
<context>
    <name>OutlineNotice</name>
    <message>
        <location filename="../../desktop_app/ui/outline_notice.py" line="31" />
        <source>不再提示这篇文章</source>
        <translation>Don't mention it again for this article</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outline_notice.py" line="60" />
        <source>大纲把握不大</source>
        <translation>The outline is a guess</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outline_notice.py" line="60" />
        <source>大纲可能不准</source>
        <translation>The outline may be wrong</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outline_notice.py" line="61" />
        <source>，可以一步修正：</source>
        <translation>; one step fixes it:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outline_notice.py" line="77" />
        <source>以「{label}」开头的 {count} 段都是 {label} 的发言</source>
        <translation>The {count} paragraphs that begin with “{label}” are turns of {label}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outline_notice.py" line="80" />
        <source>单独一行的名字（{names}）开始各自的发言，共 {count} 处</source>
        <translation>A name on a line of its own ({names}) begins that person's turn ({count} places)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outline_notice.py" line="84" />
        <source>标题是 {host} 的提问，其后是 {guest} 的回答</source>
        <translation>The headings are questions by {host}, the text after each is {guest}'s answer</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outline_notice.py" line="86" />
        <source>{alias} 和 {name} 是同一个人</source>
        <translation>{alias} and {name} are the same person</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outline_notice.py" line="87" />
        <source>这不是对话</source>
        <translation>This is not a dialogue</translation>
    </message>
</context>
<context>
    <name>OutlinePanel</name>
    <message>
        <location filename="../../desktop_app/ui/outline_panel.py" line="26" />
        <location filename="../../desktop_app/ui/outline_panel.py" line="80" />
        <source>话题</source>
        <translation>Topics</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outline_panel.py" line="47" />
        <location filename="../../desktop_app/ui/outline_panel.py" line="81" />
        <source>发言人</source>
        <translation>Speakers</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outline_panel.py" line="50" />
        <source>{count} 次发言</source>
        <translation>{count} turns</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outline_panel.py" line="51" />
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outline_panel.py" line="53" />
        <source>{name}（{details}）</source>
        <translation>{name} ({details})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outline_panel.py" line="82" />
        <source>◀ 上一段</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outline_panel.py" line="83" />
        <source>下一段 ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outline_panel.py" line="85" />
        <source>在所选发言人的发言之间跳转</source>
        <translation>Step through the selected speaker's turns</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outline_panel.py" line="86" />
        <source>只看此人</source>
        <translation>Only this speaker</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outline_panel.py" line="88" />
        <source>只显示所选发言人的发言和他们回答的问题</source>
        <translation>Show only the selected speaker's turns and the questions they answer</translation>
    </message>
</context>
<context>
    <name>Reader</name>
    <message>
        <location filename="../../desktop_app/ui/reader_document.py" line="187" />
        <source>原文</source>
        <translation>Original article</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reader_document.py" line="237" />
        <source>图片说明</source>
        <translation>caption</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reader_document.py" line="238" />
        <source>剪藏外壳</source>
        <translation>clipper wrapper</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reader_document.py" line="239" />
        <source>元信息</source>
        <translation>metadata</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reader_document.py" line="240" />
        <source>推广尾巴</source>
        <translation>promotion tail</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/reader_document.py" line="246" />
        <source>已删除：{rule}</source>
        <translation>removed: {rule}</translation>
    </message>
</context>
<context>
    <name>ReaderControls</name>
    <message>
        <location filename="../../desktop_app/ui/reader_controls.py" line="78" />
        <source>复制</source>
        <translation>Copy</translation>
    </message>
</context>
<context>
    <name>RebuildReason</name>
    <message>
        <location filename="../../desktop_app/ui/search_panel.py" line="64" />
        <source>索引文件夹被一个文件替换了</source>
        <translation>the index folder was replaced by a file</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/search_panel.py" line="65" />
        <source>索引来自旧版本</source>
        <translation>index from an older version</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/search_panel.py" line="66" />
        <source>简繁转换表已更新</source>
        <translation>the Simplified/Traditional tables changed</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/search_panel.py" line="67" />
        <source>索引的元数据缺失或损坏</source>
        <translation>index metadata missing or damaged</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/search_panel.py" line="68" />
        <source>索引上次没有写完</source>
        <translation>index left half-written</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/search_panel.py" line="69" />
        <source>索引的段落表损坏</source>
        <translation>index block table damaged</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/search_panel.py" line="70" />
        <source>索引的段落表与文章不一致</source>
        <translation>index block table out of step</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/search_panel.py" line="71" />
        <source>索引文件缺失</source>
        <translation>index files missing</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/search_panel.py" line="72" />
        <source>索引文件损坏</source>
        <translation>index files damaged</translation>
    </message>
</context>
<context>
    <name>ScriptsSwitch</name>
    <message>
        <location filename="../../desktop_app/ui/scripts_switch.py" line="43" />
        <source>简繁</source>
        <translation>S⇄T</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/scripts_switch.py" line="50" />
        <source>简繁通查：數字人 也找到 数字人（关闭后只找所输入的字形）</source>
        <translation>Simplified and Traditional alike: 數字人 also finds 数字人 (off: only the script you typed)</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../desktop_app/ui/search_panel.py" line="192" />
        <source>搜索全部文章和批注：词语、"短语"、-排除、speaker:姓名</source>
        <translation>Search all articles and notes: words, "phrase", -exclude, speaker:name</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/search_panel.py" line="195" />
        <source>正在载入分词词典和索引…</source>
        <translation>Loading the segmentation dictionary and the index…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/search_panel.py" line="225" />
        <source>正在建立索引：已完成 {done} / {total} 篇，结果可能不全</source>
        <translation>Indexing: {done} of {total} articles done, results may be incomplete</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/search_panel.py" line="261" />
        <source>索引已重建（{reason}）</source>
        <translation>Index rebuilt ({reason})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/search_panel.py" line="267" />
        <location filename="../../desktop_app/ui/search_panel.py" line="283" />
        <source>输入即搜索</source>
        <translation>Results appear as you type</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/search_panel.py" line="272" />
        <source>搜索不可用：{reason}</source>
        <translation>Search is unavailable: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/search_panel.py" line="296" />
        <source>搜索出错：{reason}</source>
        <translation>Search failed: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/search_panel.py" line="329" />
        <source>批注 · {count} 条</source>
        <translation>Notes · {count}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/search_panel.py" line="357" />
        <source>{name} · {turns} 段发言（只看此人）</source>
        <translation>{name} · {turns} turns (show only theirs)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/search_panel.py" line="360" />
        <source>只显示{name}的发言</source>
        <translation>Show only {name}'s turns</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/search_panel.py" line="368" />
        <source>{hits} 条结果，{articles} 篇文章</source>
        <translation>{hits} results in {articles} articles</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/search_panel.py" line="370" />
        <source>，{notes} 条批注</source>
        <translation>, {notes} notes</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/search_panel.py" line="372" />
        <source>没有找到“{query}”</source>
        <translation>Nothing found for “{query}”</translation>
    </message>
</context>
<context>
    <name>SelectionToolbar</name>
    <message>
        <location filename="../../desktop_app/ui/selection_toolbar.py" line="37" />
        <source>笔记</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/selection_toolbar.py" line="38" />
        <source>高亮并写笔记</source>
        <translation>Highlight and write a note</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../desktop_app/ui/shortcuts_dialog.py" line="46" />
        <source>键盘快捷键</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/shortcuts_dialog.py" line="48" />
        <source>筛选（名称或按键）</source>
        <translation>Filter (name or key)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/shortcuts_dialog.py" line="51" />
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/shortcuts_dialog.py" line="51" />
        <source>快捷键</source>
        <translation>Shortcut</translation>
    </message>
</context>
<context>
    <name>Typography</name>
    <message>
        <location filename="../../desktop_app/ui/typography_menu.py" line="15" />
        <source>紧凑</source>
        <translation>Compact</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/typography_menu.py" line="16" />
        <source>适中</source>
        <translation>Comfortable</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/typography_menu.py" line="17" />
        <source>宽松</source>
        <translation>Loose</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/typography_menu.py" line="20" />
        <source>小</source>
        <translation>Small</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/typography_menu.py" line="21" />
        <source>中</source>
        <translation>Medium</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/typography_menu.py" line="22" />
        <source>大</source>
        <translation>Large</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/typography_menu.py" line="25" />
        <source>窄（30 字）</source>
        <translation>Narrow (30 characters)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/typography_menu.py" line="26" />
        <source>适中（38 字）</source>
        <translation>Comfortable (38 characters)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/typography_menu.py" line="27" />
        <source>宽（48 字）</source>
        <translation>Wide (48 characters)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/typography_menu.py" line="28" />
        <source>铺满</source>
        <translation>Full width</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/typography_menu.py" line="45" />
        <source>版式</source>
        <translation>Layout</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/typography_menu.py" line="63" />
        <source>字体</source>
        <translation>Typeface</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/typography_menu.py" line="64" />
        <source>默认（黑体）</source>
        <translation>Default (sans-serif)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/typography_menu.py" line="67" />
        <source>行距</source>
        <translation>Line height</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/typography_menu.py" line="72" />
        <source>段距</source>
        <translation>Paragraph spacing</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/typography_menu.py" line="77" />
        <source>栏宽</source>
        <translation>Column width</translation>
    </message>
</context>
<context>
    <name>UserActions</name>
    <message>
        <location filename="../../desktop_app/ui/user_actions.py" line="29" />
        <source>新用户…</source>
        <translation>New user…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/user_actions.py" line="31" />
        <location filename="../../desktop_app/ui/user_actions.py" line="50" />
        <source>切换用户</source>
        <translation>Switch user</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/user_actions.py" line="31" />
        <source>切换到：</source>
        <translation>Switch to:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/user_actions.py" line="37" />
        <source>用户名（字母、数字、. _ @ -）：</source>
        <translation>User name (letters, digits, . _ @ -):</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/user_actions.py" line="37" />
        <source>新用户</source>
        <translation>New user</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/user_actions.py" line="50" />
        <source>用户名“{name}”不可用：请只用字母、数字和 . _ @ -</source>
        <translation>The user name “{name}” cannot be used: use only letters, digits and . _ @ -</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/user_actions.py" line="57" />
        <source>已切换到用户 {name}</source>
        <translation>Switched to user {name}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/user_actions.py" line="66" />
        <source>批注数据库</source>
        <translation>Annotations database</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/user_actions.py" line="67" />
        <source>批注数据库无法打开。在恢复之前，新的高亮和笔记无法保存。</source>
        <translation>The annotations database cannot be opened. Until it is restored, new highlights and notes cannot be saved.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/user_actions.py" line="73" />
        <source>立即恢复</source>
        <translation>Restore now</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/user_actions.py" line="74" />
        <source>稍后</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/user_actions.py" line="82" />
        <source>批注已恢复</source>
        <translation>Annotations restored</translation>
    </message>
</context>
</TS>