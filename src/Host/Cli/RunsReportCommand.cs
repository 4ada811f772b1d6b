using System.CommandLine;
using ClipHost.Engine.Paths;
using ClipHost.Reports;

namespace ClipHost.Host.Cli;

/// <summary>
/// `clip-host runs report --out DIR [runs...]`: the dashboard's results pages as static HTML (the runs table as
/// index.html, a page per run, every plot as PNG, SVG and CSV beside them, run files linked relative to DIR), so the
/// folder opens from disk. Prints the index's path.
/// </summary>
public static class RunsReportCommand
{
    public static Command Create()
    {
        var runs = new Argument<string[]>("runs") { Description = "Run names under the runs root (default: every run)", Arity = ArgumentArity.ZeroOrMore };
        var output = new Option<string>("--out") { Description = "Folder for index.html, the run pages and figures/", Required = true };
        var command = new Command("report", "Write the results pages (runs table, a page per run with its plots) as static HTML into --out") { runs, output };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, _ => { }, (host, _) =>
            Task.FromResult(Write(host.Services.GetRequiredService<DataLayout>(), parse.GetValue(runs) ?? [], parse.GetValue(output)!)), ct));
        return command;
    }

    private static int Write(DataLayout layout, string[] runs, string output)
    {
        // Every run named is checked before anything is written, as `runs compare` checks its own.
        var errors = runs.Select((run, i) => Identifier.Check(run, $"runs[{i}]")
            ?? (Directory.Exists(Path.Combine(layout.Runs, run)) ? null : new OptionError($"runs[{i}]", $"no run '{run}' under {layout.Runs}"))).OfType<OptionError>().ToList();
        if (errors.Count > 0)
        {
            errors.ForEach(e => Console.Error.WriteLine(e));
            return ImportRunner.BadInput;
        }
        Directory.CreateDirectory(output);
        Console.WriteLine(ResultsSite.WriteStatic(output, layout.Runs, runs.Length == 0 ? null : runs));
        return 0;
    }
}
