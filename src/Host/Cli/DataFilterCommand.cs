using System.CommandLine;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Filtering;
using ClipHost.Engine.Paths;

namespace ClipHost.Host.Cli;

/// <summary>`clip-host data filter &lt;store&gt; --subset &lt;name&gt; --filters '[...]'`: the command POST /api/filters queues, sent here and now.</summary>
public static class DataFilterCommand
{
    public static Command Create()
    {
        var store = new Argument<string>("store") { Description = "The store to filter" };
        var subset = new Option<string>("--subset") { Description = "Name of the subset to write under <data root>/subsets/", Required = true };
        var filters = new Option<string?>("--filters") { Description = """The pipeline as a JSON array, e.g. '[{"id": "clip-score", "options": {"teacher": "quickstart", "topPercent": 40}}]'""" };
        var pipeline = new Option<FileInfo?>("--pipeline") { Description = "The pipeline as a JSON file (an array of {id, options})" };
        var seed = new Option<long>("--seed") { Description = "Seed for filters with randomness" };
        var command = new Command("filter", "Run a data-filter pipeline over a store and write the kept ids with their lineage and every filter's decisions as a subset (then: clip-host data report <subset>)")
        {
            store, subset, filters, pipeline, seed,
        };
        command.SetAction((parse, ct) =>
        {
            var (steps, error) = ReadSteps(parse.GetValue(filters), parse.GetValue(pipeline));
            if (steps is null)
            {
                Console.Error.WriteLine($"config error: {error}");
                return Task.FromResult(ImportRunner.BadInput);
            }
            var request = new FilterDatasetCommand(parse.GetValue(store)!, parse.GetValue(subset)!, steps, parse.GetValue(seed));
            return CliHost.RunAsync(parse, b => b.AddCommands(), async (host, ct) =>
            {
                var (record, exit) = await CommandRunner.OnTrainingThread(() => CommandRunner.SendAsync(host.Services, request, ct).GetAwaiter().GetResult()).ConfigureAwait(false);
                if (record is null)
                {
                    return exit;
                }
                foreach (var l in record.Lineage)
                {
                    Console.WriteLine($"{l.Id,-14} {l.In,8:N0} in {l.Kept,8:N0} kept {l.Dropped,8:N0} dropped  ({l.Plugin})");
                    if (l.Planted is { } planted)
                    {
                        Console.WriteLine($"{"",-14} {planted}");
                    }
                }
                Console.WriteLine($"{record.Name}: {record.Ids.Count:N0} of {record.SourceCount:N0} samples of '{record.Store}' -> {host.Services.GetRequiredService<DataLayout>().Subset(record.Name, "subset")}");
                return 0;
            }, ct);
        });
        return command;
    }

    private static (IReadOnlyList<FilterStep>? Steps, OptionError? Error) ReadSteps(string? inline, FileInfo? file)
    {
        if (inline is null == file is null)
        {
            return (null, new OptionError("--filters", "give exactly one of --filters and --pipeline"));
        }
        if (file is not null && !file.Exists)
        {
            return (null, new OptionError("--pipeline", $"{file.FullName} does not exist"));
        }
        var field = inline is null ? "--pipeline" : "--filters";
        try
        {
            var steps = JsonSerializer.Deserialize<List<FilterStep>>(inline ?? File.ReadAllText(file!.FullName), Runs.RunStore.SerializerOptions);
            return steps is { Count: > 0 } ? (steps, null) : (null, new OptionError(field, "give at least one filter"));
        }
        catch (JsonException e)
        {
            return (null, new OptionError(field, $"not a JSON array of {{\"id\", \"options\"}}: {e.Message.Split(" Path:")[0]}"));
        }
    }
}
