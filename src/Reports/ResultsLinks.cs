namespace ClipHost.Reports;

/// <summary>
/// Where the results pages point: under the dashboard (absolute paths below a prefix such as /hangfire/results) or in a
/// static folder (relative links between files side by side, run files relative to the report folder), so one page
/// generator serves both. Pages are named by a key: "runs/&lt;id&gt;", "compare/&lt;a&gt;/&lt;b&gt;", "studies/&lt;name&gt;".
/// </summary>
public sealed class ResultsLinks
{
    private readonly string? _prefix;
    private readonly string? _folder;

    private ResultsLinks(string? prefix, string? folder) => (_prefix, _folder) = (prefix, folder);

    /// <summary>Links served by the host below <paramref name="prefix"/> (no trailing slash).</summary>
    public static ResultsLinks Served(string prefix) => new(prefix.TrimEnd('/'), null);

    /// <summary>Links between the files of a static report written to <paramref name="folder"/>.</summary>
    public static ResultsLinks Static(string folder) => new(null, Path.GetFullPath(folder));

    public bool IsStatic => _folder is not null;

    public string Index => _prefix ?? "index.html";

    public string Run(string id) => _prefix is { } p ? $"{p}/runs/{E(id)}" : $"run-{id}.html";

    /// <summary>The run's search page: only served (it embeds queries with the run's model), null for static pages.</summary>
    public string? RunSearch(string id) => _prefix is { } p ? $"{p}/runs/{E(id)}/search" : null;

    public string Compare(string a, string b) => _prefix is { } p ? $"{p}/compare?a={E(a)}&b={E(b)}" : $"compare-{a}-vs-{b}.html";

    public string Search(string name) => _prefix is { } p ? $"{p}/searches/{E(name)}" : $"search-{name}.html";

    public string Study(string name) => _prefix is { } p ? $"{p}/studies/{E(name)}" : $"study-{name}.html";

    /// <summary>A page's figure as png, svg or csv.</summary>
    public string Figure(string page, string name, string format) =>
        _prefix is { } p ? $"{p}/figures/{string.Join('/', page.Split('/').Select(E))}/{name}.{format}" : $"{FigureFolder}/{StaticFigure(page, name, format)}";

    /// <summary>A file of a run, by its path inside the run folder ('/' separated).</summary>
    public string File(string runDirectory, string runId, string relative)
    {
        var segments = relative.Split('/').Select(E);
        if (_prefix is { } p)
        {
            return $"{p}/files/{E(runId)}/{string.Join('/', segments)}";
        }
        var fromReport = Path.GetRelativePath(_folder!, Path.Combine(runDirectory, relative)).Replace(Path.DirectorySeparatorChar, '/');
        return string.Join('/', fromReport.Split('/').Select(E));
    }

    public const string FigureFolder = "figures";

    /// <summary>A figure's file name in a static report.</summary>
    public static string StaticFigure(string page, string name, string format) => $"{page.Replace('/', '-')}-{name}.{format}";

    private static string E(string s) => Uri.EscapeDataString(s);
}
