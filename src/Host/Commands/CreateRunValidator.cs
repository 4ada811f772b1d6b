using ClipHost.Engine.Experiments;
using ClipHost.Engine.Paths;
using ClipHost.Host.Plugins;

namespace ClipHost.Host.Commands;

/// <summary>
/// A submitted experiment must parse and pass the engine's validation against the plugins loaded now: the one check
/// behind `train`, `eval --config`, POST /api/runs and the schedules, so each front end gives the same field errors.
/// </summary>
public sealed class CreateRunValidator(PluginCatalog catalog, DataLayout layout) : ICommandValidator<CreateRunCommand>
{
    public IReadOnlyList<OptionError> Validate(CreateRunCommand command) => ExperimentChecks.Validate(command.ExperimentJson, catalog, layout).Errors;
}
