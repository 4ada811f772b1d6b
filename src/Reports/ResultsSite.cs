using ClipHost.Engine.Paths;

namespace ClipHost.Reports;

/// <summary>
/// The results pages, one generator each, for both front ends: the dashboard serves a page or one of its figures
/// (by name and format) under /hangfire/results; `clip-host runs report` writes the same pages as static files with
/// their figures beside them. Run ids come from URLs and arguments: anything that is not a run folder's identifier
/// gives no page.
/// </summary>
public static class ResultsSite
{
    public const string IndexFile = "index.html";

    public static ResultsPage RunsTable(string runsRoot, ResultsLinks links, IReadOnlyList<string>? ids = null)
    {
        var names = ids ?? RunIds(runsRoot);
        var runs = new List<(RunSummary, RunInfo)>();
        var unreadable = new List<string>();
        foreach (var id in names)
        {
            try
            {
                if (Read(runsRoot, id) is { } run)
                {
                    runs.Add(run);
                }
            }
            catch (Exception e) when (e is InvalidDataException or IOException or System.Text.Json.JsonException)
            {
                // One broken run folder must not hide every other run: it is named and counted on the page.
                unreadable.Add($"{id}: {e.Message}");
            }
        }
        return RunsTablePage.Render(runs, links, unreadable);
    }

    /// <summary>A run's page, or null when <paramref name="id"/> names no run folder.</summary>
    public static ResultsPage? Run(string runsRoot, string id, ResultsLinks links) =>
        Read(runsRoot, id) is { } run ? RunPage.Render(Path.Combine(Path.GetFullPath(runsRoot), id), run.Run, run.Info, links) : null;

    /// <summary>Two runs compared, or null when either names no run folder.</summary>
    public static ResultsPage? Compare(string runsRoot, string a, string b, ResultsLinks links) =>
        Read(runsRoot, a) is { } first && Read(runsRoot, b) is { } second ? ComparePage.Render(first.Run, second.Run, links) : null;

    /// <summary>A study's page: the lead's study routes serve it (and its figures) and write it as a file with <see cref="WriteStudy"/>.</summary>
    public static ResultsPage SearchPage(SearchView search, string runsRoot, ResultsLinks links) => Reports.SearchPage.Render(search, runsRoot, links);

    public static ResultsPage StudyPage(StudyView study, string runsRoot, ResultsLinks links) => Reports.StudyPage.Render(study, runsRoot, links);

    /// <summary>Writes index.html (the runs table) and a page per run, with every figure as PNG, SVG and CSV; returns the index.</summary>
    public static string WriteStatic(string folder, string runsRoot, IReadOnlyList<string>? ids = null)
    {
        var links = ResultsLinks.Static(folder);
        var index = Write(folder, RunsTable(runsRoot, links, ids), IndexFile);
        foreach (var id in ids ?? RunIds(runsRoot))
        {
            if (Run(runsRoot, id, links) is { } page)
            {
                Write(folder, page, links.Run(id));
            }
        }
        return index;
    }

    /// <summary>Writes the study's page as study-&lt;name&gt;.html beside the pages of its runs; returns the study page's path.</summary>
    public static string WriteStudy(string folder, StudyView study, string runsRoot)
    {
        ArgumentNullException.ThrowIfNull(study);
        var links = ResultsLinks.Static(folder);
        var runs = study.Cells.Select(c => c.RunId).Where(id => Read(runsRoot, id) is not null).ToList();
        WriteStatic(folder, runsRoot, runs);
        return Write(folder, StudyPage(study, runsRoot, links), links.Study(study.Name));
    }

    /// <summary>Writes a page and its figures into <paramref name="folder"/>; returns the page's path.</summary>
    public static string Write(string folder, ResultsPage page, string fileName)
    {
        ArgumentNullException.ThrowIfNull(page);
        var figures = Path.Combine(folder, ResultsLinks.FigureFolder);
        Directory.CreateDirectory(figures);
        foreach (var figure in page.Figures)
        {
            foreach (var format in ResultsFigure.Formats)
            {
                File.WriteAllBytes(Path.Combine(figures, ResultsLinks.StaticFigure(page.Key, figure.Name, format)), figure.Render(format));
            }
        }
        var path = Path.Combine(folder, fileName);
        File.WriteAllText(path, page.Document());
        return path;
    }

    private static IReadOnlyList<string> RunIds(string runsRoot) => Directory.Exists(runsRoot)
        ? [.. Directory.EnumerateDirectories(runsRoot).Select(Path.GetFileName).OfType<string>().Where(Identifier.IsValid).Order(StringComparer.Ordinal)]
        : [];

    private static (RunSummary Run, RunInfo Info)? Read(string runsRoot, string id)
    {
        if (!Identifier.IsValid(id))
        {
            return null;
        }
        // A run folder that is a link out of the runs root is no run of this root: nothing of it is read.
        var dir = RootedPath.Inside(runsRoot, id);
        return dir is not null && Directory.Exists(dir) ? (RunSummary.Read(dir), RunInfo.Read(dir)) : null;
    }
}
