using System.CommandLine;
using ClipHost.Host.Cli;

// clip-host: every verb is a command; each builds the Generic Host it needs (see CliHost).
var root = new RootCommand("ClipHost: find the best CLIP recipe for your compute budget")
    .AddDataCommands()
    .AddTrainCommands()
    .AddRunsCommands()
    .AddStudyCommands()
    .AddRecipeCommands()
    .AddInfoCommand()
    .AddServeCommand()
    .AddLayoutOptions();

return await root.Parse(args).InvokeAsync();
