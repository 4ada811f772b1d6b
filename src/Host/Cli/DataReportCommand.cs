using System.CommandLine;
using ClipHost.Engine.Filtering;
using ClipHost.Engine.Paths;
using ClipHost.Reports;
using ClipHost.Host.Options;
using Microsoft.Extensions.Options;

namespace ClipHost.Host.Cli;

/// <summary>
/// `clip-host data report &lt;subset&gt;`: writes the subset's HTML report next to it (report/index.html) and prints
/// its path. The subset is a name under &lt;Data:Root&gt;/subsets or any folder holding subset.json (a run's subset/).
/// </summary>
public static class DataReportCommand
{
    public static Command Create()
    {
        var subset = new Argument<string>("subset") { Description = "A subset name under <Data:Root>/subsets, or a folder holding subset.json (e.g. a run's subset/ folder)" };
        var examples = new Option<int>("--examples")
        {
            Description = "Cards per group: the lowest-scoring kept, the highest-scoring dropped and the most confidently dropped of each cut",
            DefaultValueFactory = _ => DataReportOptions.DefaultExamples,
        };
        var command = new Command("report", "Write an HTML report of a filtered subset next to it (report/index.html): counts, score and caption-length histograms, and the pairs each filter kept and dropped around its cut")
        {
            subset, examples,
        };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, _ => { }, (host, _) =>
            Task.FromResult(Write(host.Services.GetRequiredService<DataLayout>(), parse.GetValue(subset)!, parse.GetValue(examples))), ct));
        return command;
    }

    private static int Write(DataLayout layout, string argument, int count)
    {
        if (count is < 1 or > 1000)
        {
            Console.Error.WriteLine($"--examples must be between 1 and 1000, not {count}");
            return ImportRunner.BadInput;
        }
        if (Locate(argument, layout.Subsets) is not { } folder)
        {
            Console.Error.WriteLine($"no subset '{argument}': there is no {Path.Combine(layout.Subsets, argument)} and no folder {Path.GetFullPath(argument)}{Known(layout.Subsets)}");
            return ImportRunner.BadInput;
        }
        if (!File.Exists(Path.Combine(folder, SubsetFiles.Record)))
        {
            Console.Error.WriteLine($"{folder} holds no {SubsetFiles.Record}: not a subset folder (subsets are written by POST /api/filters and by runs that filter their data)");
            return ImportRunner.BadInput;
        }
        try
        {
            Print(DataReport.Write(folder, layout.Stores, new DataReportOptions { Examples = count }));
            return ImportRunner.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException)
        {
            Console.Error.WriteLine($"subset '{argument}': {e.Message}");
            return ImportRunner.Failed;
        }
    }

    private static void Print(DataReportResult report)
    {
        if (!report.StoreMatches)
        {
            Console.Error.WriteLine($"warning: {report.Warnings[0]}; the report says so at the top");
        }
        foreach (var warning in report.Warnings.Skip(report.StoreMatches ? 0 : 1))
        {
            Console.Error.WriteLine($"warning: {warning}");
        }
        var s = report.Subset;
        Console.WriteLine($"{s.Name}: {DataReportHtml.Count(s.SourceCount)} pairs of '{s.Store}' -> {DataReportHtml.Count(s.Ids.Count)} kept");
        foreach (var line in report.Steps)
        {
            Console.WriteLine($"  {line}");
        }
        Console.WriteLine(report.Index);
    }

    /// <summary>A name under the subsets root first (only a plain name can be one), then a folder path.</summary>
    private static string? Locate(string argument, string subsets)
    {
        if (Identifier.IsValid(argument) && Directory.Exists(Path.Combine(subsets, argument)))
        {
            return Path.Combine(subsets, argument);
        }
        return Directory.Exists(argument) ? Path.GetFullPath(argument) : null;
    }

    private static string Known(string subsets)
    {
        var names = Directory.Exists(subsets)
            ? Directory.EnumerateDirectories(subsets).Where(d => File.Exists(Path.Combine(d, SubsetFiles.Record))).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()
            : [];
        return names.Count == 0 ? $"; no subsets under {subsets} yet" : $"; subsets under {subsets}: {string.Join(", ", names)}";
    }
}
