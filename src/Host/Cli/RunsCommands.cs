using System.CommandLine;
using ClipHost.Engine.Paths;
using ClipHost.Reports;
using ClipHost.Host.Options;
using Microsoft.Extensions.Options;

namespace ClipHost.Host.Cli;

/// <summary>`clip-host runs compare`: finished runs side by side.</summary>
public static class RunsCommands
{
    public static RootCommand AddRunsCommands(this RootCommand root)
    {
        var runs = new Argument<string[]>("runs") { Description = "Run names (under Runs:Root) or run folders", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--out") { Description = "Folder for comparison.md and loss-curves.png (default: print the table only)" };
        var compare = new Command("compare", "Headline metrics of several runs side by side (mean ± std over runs named -s0, -s1, ...) and their loss curves") { runs, output };
        compare.SetAction((parse, ct) => CliHost.RunAsync(parse, _ => { }, (host, ct) =>
        {
            var root = host.Services.GetRequiredService<DataLayout>().Runs;
            List<RunSummary> summaries;
            try
            {
                summaries = parse.GetValue(runs)!.Select(r => RunSummary.Read(Directory.Exists(r) ? r : Path.Combine(root, r))).ToList();
            }
            catch (DirectoryNotFoundException e)
            {
                Console.Error.WriteLine(e.Message);
                return Task.FromResult(ImportRunner.BadInput);
            }
            var table = RunComparison.Table(summaries);
            Console.Write(table);
            if (parse.GetValue(output) is { } dir)
            {
                Directory.CreateDirectory(dir);
                File.WriteAllText(Path.Combine(dir, "comparison.md"), table);
                RunComparison.LossPlot(summaries, Path.Combine(dir, "loss-curves.png"));
                Console.WriteLine($"wrote {Path.Combine(dir, "comparison.md")} and {Path.Combine(dir, "loss-curves.png")}");
            }
            return Task.FromResult(0);
        }, ct));
        var command = new Command("runs", "Work with finished runs");
        command.Subcommands.Add(compare);
        root.Subcommands.Add(command);
        return root;
    }
}
