using System.CommandLine;
using ClipHost.Engine.Studies;
using ClipHost.Host.Jobs;
using ClipHost.Host.Studies;

namespace ClipHost.Host.Cli;

/// <summary>
/// `clip-host study run|status|cancel|report`: the StartStudy, GetStudy and CancelStudy commands, and the study's results page. `run` trains the cells in
/// turn in this process, or, when this machine shares the service's PostgreSQL (ConnectionStrings:Hangfire), queues
/// one job per cell there for every host to take, as POST /api/studies does.
/// </summary>
public static class StudyCommands
{
    public static RootCommand AddStudyCommands(this RootCommand root)
    {
        var command = new Command("study", "Run a study: a grid of runs over config axes (architecture, budget, data cut, seed), compared at equal compute");
        command.Subcommands.Add(Run());
        command.Subcommands.Add(Status());
        command.Subcommands.Add(Cancel());
        command.Subcommands.Add(Report());
        root.Subcommands.Add(command);
        return root;
    }

    private static Command Run()
    {
        var file = new Argument<FileInfo>("file") { Description = "The study file (see experiments/studies)" };
        var fresh = new Option<bool>("--fresh") { Description = "Start cells whose experiment changed since they ran over, instead of refusing the study" };
        var run = new Command("run", "Check every cell, then train them (here, or on the shared queue when ConnectionStrings:Hangfire is set); finished cells are not trained again") { file, fresh };
        run.SetAction((parse, ct) =>
        {
            var path = parse.GetValue(file)!.FullName;
            if (!File.Exists(path))
            {
                return Task.FromResult(CommandRunner.Refuse([new("study", $"{path} does not exist")]));
            }
            var directory = Path.GetDirectoryName(path)!;
            var command = new StartStudyCommand(File.ReadAllText(path), "cli", parse.GetValue(fresh), directory, Path.GetDirectoryName(directory) ?? directory);
            return CliHost.RunAsync(parse, Configure, async (host, ct) =>
            {
                // The study's prepare steps (stores, teachers) run here first: its cells are checked against what they make.
                if (StudyFile.Parse(command.StudyJson, command.Directory, command.Root).Study is { } study
                    && await StudyPreparer.RunAsync(host.Services, study, ct).ConfigureAwait(false) is var prepared and not 0)
                {
                    return prepared;
                }
                return host.Services.GetRequiredService<IConfiguration>().HasSharedQueue()
                    ? await QueueAsync(host.Services, command, ct).ConfigureAwait(false)
                    : await TrainAsync(host.Services, command, ct).ConfigureAwait(false);
            }, ct);
        });
        return run;
    }

    private static void Configure(IHostApplicationBuilder builder)
    {
        builder.AddCommands();
        if (builder.Configuration.HasSharedQueue())
        {
            builder.AddJobStorage();
        }
    }

    private static async Task<int> TrainAsync(IServiceProvider s, StartStudyCommand command, CancellationToken ct)
    {
        var (plan, refused) = await CommandRunner.SendAsync(s, command, ct).ConfigureAwait(false);
        if (plan is null)
        {
            return refused;
        }
        Console.WriteLine($"study {plan.Name}: {plan.Cells.Count} cells over {string.Join(" x ", plan.Axes)}");
        var failed = new List<string>();
        foreach (var cell in plan.Cells)
        {
            Console.WriteLine($"== {cell.Cell} (run {cell.RunId})");
            var exit = await TrainCommand.TrainOneAsync(s, cell.ExperimentJson, new TrainCommand.TrainRequest(plan.Fresh(cell), Evaluate: true, null, $"study:{plan.Name}"), ct).ConfigureAwait(false);
            if (exit == 130)
            {
                return exit;
            }
            if (exit != 0)
            {
                failed.Add(cell.Cell);
            }
        }
        var (status, _) = await CommandRunner.SendAsync(s, new GetStudyCommand(plan.Name), ct).ConfigureAwait(false);
        StudyPrinter.Print(status!);
        if (failed.Count > 0)
        {
            Console.Error.WriteLine($"{failed.Count} cells did not succeed: {string.Join(", ", failed)}; `study run` again resumes them");
            return 1;
        }
        return 0;
    }

    private static Task<int> QueueAsync(IServiceProvider s, StartStudyCommand command, CancellationToken ct) => CommandRunner.QueueAsync(async () =>
    {
        var submitted = await s.GetRequiredService<StudySubmitter>().SubmitAsync(command, ct).ConfigureAwait(false);
        return $"study {submitted.Name}: {submitted.Cells.Count} cells on the shared queue ({string.Join(", ", submitted.Cells.GroupBy(c => c.Status).Select(g => $"{g.Count()} {g.Key}"))}); follow it with `clip-host study status {submitted.Name}`";
    });

    private static Command Status()
    {
        var name = new Argument<string>("name") { Description = "The study's name" };
        var json = new Option<bool>("--json") { Description = "Print the study as GET /api/studies/{name} returns it" };
        var status = new Command("status", "Each cell of a study: its run's status, progress and host, and the counts") { name, json };
        status.SetAction((parse, ct) => CliHost.RunAsync(parse, Configure, async (host, ct) =>
        {
            var (study, exit) = await CommandRunner.SendAsync(host.Services, new GetStudyCommand(parse.GetValue(name)!), ct).ConfigureAwait(false);
            if (study is null)
            {
                return exit;
            }
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(study, RunStore.SerializerOptions));
            }
            else
            {
                StudyPrinter.Print(study);
            }
            return 0;
        }, ct));
        return status;
    }

    private static Command Cancel()
    {
        var name = new Argument<string>("name") { Description = "The study's name" };
        var cancel = new Command("cancel", "Cancel every cell of a study still queued or running (finished cells keep their results)") { name };
        cancel.SetAction((parse, ct) => CliHost.RunAsync(parse, Configure, async (host, ct) =>
        {
            var (study, exit) = await CommandRunner.SendAsync(host.Services, new CancelStudyCommand(parse.GetValue(name)!), ct).ConfigureAwait(false);
            if (study is null)
            {
                return exit;
            }
            StudyPrinter.Print(study);
            return 0;
        }, ct));
        return cancel;
    }

    private static Command Report()
    {
        var name = new Argument<string>("name") { Description = "The study's name" };
        var output = new Option<string>("--out") { Description = "Folder for study-<name>.html, its runs' pages and figures/", Required = true };
        var report = new Command("report", "Write the study's results page (its plots, seed groups and cells) and its runs' pages as static HTML into --out") { name, output };
        report.SetAction((parse, ct) => CliHost.RunAsync(parse, Configure, async (host, ct) =>
        {
            var (study, exit) = await CommandRunner.SendAsync(host.Services, new GetStudyCommand(parse.GetValue(name)!), ct).ConfigureAwait(false);
            if (study is null)
            {
                return exit;
            }
            var folder = parse.GetValue(output)!;
            Directory.CreateDirectory(folder);
            Console.WriteLine(Reports.ResultsSite.WriteStudy(folder, StudyViews.Of(study), host.Services.GetRequiredService<RunStore>().Root));
            return 0;
        }, ct));
        return report;
    }
}
