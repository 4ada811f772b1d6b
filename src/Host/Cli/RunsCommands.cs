using System.CommandLine;

namespace ClipHost.Host.Cli;

/// <summary>
/// `clip-host runs list`: every run under the runs root, however it was started (the index GET /api/runs reads);
/// `clip-host runs compare`: finished runs side by side, through the same command as a sweep's comparison;
/// `clip-host runs report`: the results pages as static HTML (<see cref="RunsReportCommand"/>).
/// </summary>
public static class RunsCommands
{
    public static RootCommand AddRunsCommands(this RootCommand root)
    {
        var runs = new Argument<string[]>("runs") { Description = "Run names under the runs root (--runs or Runs:Root)", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--out") { Description = "Folder for comparison.md and loss-curves.png (default: print the table only)" };
        var compare = new Command("compare", "Headline metrics of several runs side by side, per seed group (runs whose configs differ only in name and training.seed) mean ± std (n) with paired differences, and their loss curves") { runs, output };
        compare.SetAction((parse, ct) => CliHost.RunAsync(parse, b => b.AddCommands(), async (host, ct) =>
        {
            var (comparison, exit) = await CommandRunner.SendAsync(host.Services, new CompareRunsCommand(parse.GetValue(runs)!, parse.GetValue(output)), ct).ConfigureAwait(false);
            if (comparison is null)
            {
                return exit;
            }
            Console.Write(comparison.Table);
            if (comparison.Files.Count > 0)
            {
                Console.WriteLine($"wrote {string.Join(" and ", comparison.Files)}");
            }
            return 0;
        }, ct));
        var command = new Command("runs", "Work with runs");
        command.Subcommands.Add(List());
        command.Subcommands.Add(compare);
        command.Subcommands.Add(RunsReportCommand.Create());
        root.Subcommands.Add(command);
        return root;
    }

    private static Command List()
    {
        var json = new Option<bool>("--json") { Description = "Print the run records as GET /api/runs returns them" };
        var list = new Command("list", "Every run under the runs root (--runs or Runs:Root), from the CLI or the service: status, progress, headline metric") { json };
        list.SetAction((parse, ct) => CliHost.RunAsync(parse, b => b.AddCommands(), (host, _) =>
        {
            var runs = host.Services.GetRequiredService<RunStore>().List();
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(runs, RunStore.SerializerOptions));
                return Task.FromResult(0);
            }
            Console.WriteLine($"{"run",-40} {"status",-10} {"step",-13} {"source",-12} metric");
            foreach (var run in runs)
            {
                var step = run.Progress is { } p ? $"{p.Step}/{p.TotalSteps}" : "-";
                var metric = run.Metrics.FirstOrDefault() is { Key: not null } m ? $"{m.Key} {m.Value:F4}" : "";
                Console.WriteLine($"{run.Id,-40} {run.Status.ToString().ToLowerInvariant(),-10} {step,-13} {run.Source,-12} {metric}");
            }
            return Task.FromResult(0);
        }, ct));
        return list;
    }
}
