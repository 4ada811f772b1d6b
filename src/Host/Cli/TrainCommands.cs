using System.CommandLine;

namespace ClipHost.Host.Cli;

/// <summary>`clip-host train`, `eval` and `bench`.</summary>
public static class TrainCommands
{
    public static RootCommand AddTrainCommands(this RootCommand root)
    {
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(EmbedCommand.Create());
        root.Subcommands.Add(SearchCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        return root;
    }
}
