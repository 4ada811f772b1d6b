using ClipHost.Abstractions.Options;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Paths;
using ClipHost.Engine.Training;
using ClipHost.Host.Options;
using ClipHost.Host.Plugins;
using ClipHost.Host.Runs;
using Microsoft.Extensions.Options;

namespace ClipHost.Host.Commands;

/// <summary>
/// A submitted experiment must parse and pass the engine's validation against the plugins loaded now, its name leaving
/// room for the run id's timestamp suffix.
/// </summary>
public sealed class ExperimentJsonValidator(PluginCatalog catalog, DataLayout layout) : ICommandValidator<SubmitRunCommand>
{
    public IReadOnlyList<OptionError> Validate(SubmitRunCommand command)
    {
        var (config, errors) = ExperimentValidator.Parse(command.ExperimentJson, "experiment", "the experiment");
        return config is null ? errors : new ExperimentValidator(catalog, layout) { NameSuffixLength = RunIds.SuffixLength }.Validate(config);
    }
}
