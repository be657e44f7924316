namespace BsiLedger.Simulation.Reports;

/// <summary>
/// <c>report.html</c>'s styles, inlined so that the file asks nothing of the network. One column that fits a phone;
/// a wide table scrolls inside its own box, never the page; charts scale to the column down to a legible width, then
/// scroll like a table.
/// </summary>
internal static class ReportStylesheet
{
    public const string Css = """
        :root { --ink: #1b1f24; --muted: #57606a; --rule: #d0d7de; --shade: #f6f8fa; --link: #0b5cad; --halt: #b42318; --recall: #6f42c1; --whatif: #1f6f43; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--ink); background: #fff; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
        header, main { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
        .skip { position: absolute; left: -100vw; }
        .skip:focus { left: 1rem; top: 1rem; padding: .5rem 1rem; background: #fff; }
        h1 { font-size: 1.75rem; margin: 1.5rem 0 .5rem; }
        h2 { font-size: 1.35rem; margin: 2.5rem 0 .75rem; padding-top: 1rem; border-top: 2px solid var(--rule); }
        h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
        p { overflow-wrap: break-word; }
        a { color: var(--link); }
        a:focus-visible, .scroll:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
        nav ul { display: flex; flex-wrap: wrap; gap: .5rem; margin: .5rem 0 0; padding: 0; list-style: none; }
        nav a { display: inline-block; padding: .25rem .75rem; border: 1px solid var(--rule); border-radius: 1rem; text-decoration: none; }
        .phase { color: var(--muted); font-weight: normal; }
        .scroll { max-width: 100%; overflow-x: auto; margin: .5rem 0 1rem; }
        table { border-collapse: collapse; font-size: .9rem; font-variant-numeric: tabular-nums; }
        th, td { padding: .35rem .6rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
        thead th { background: var(--shade); vertical-align: bottom; }
        .num { text-align: right; }
        figure { margin: 1rem 0; }
        figure svg { display: block; width: 100%; min-width: 40rem; height: auto; border: 1px solid var(--rule); }
        figcaption { color: var(--muted); font-size: .9rem; margin-top: .25rem; }
        .halt, .recall, .whatif { padding-left: .75rem; border-left: 4px solid; }
        .halt { border-color: var(--halt); }
        .recall { border-color: var(--recall); }
        .whatif { border-color: var(--whatif); }
        code { font: .9em ui-monospace, "DejaVu Sans Mono", monospace; overflow-wrap: anywhere; }
        @media (max-width: 40rem) { body { font-size: 15px; } h1 { font-size: 1.4rem; } h2 { font-size: 1.2rem; } }
        """;
}
