using ClipHost.Host.Commands;
using ClipHost.Host.Runs;

namespace Microsoft.Extensions.Hosting;

/// <summary>The mediator (source-generated handlers of this assembly) with its validation and logging behaviours, and the run store.</summary>
public static class CommandExtensions
{
    public static IHostApplicationBuilder AddCommands(this IHostApplicationBuilder builder)
    {
        builder.Services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Singleton;
            // Logging outermost, so refusals are logged too.
            options.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>)];
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<RunStore>();
        builder.Services.AddSingleton<ICommandValidator<SubmitRunCommand>, ExperimentJsonValidator>();
        builder.Services.AddSingleton<RunExistsValidator>();
        builder.Services.AddSingleton<ICommandValidator<TrainRunCommand>>(sp => sp.GetRequiredService<RunExistsValidator>());
        builder.Services.AddSingleton<ICommandValidator<EvaluateRunCommand>>(sp => sp.GetRequiredService<RunExistsValidator>());
        builder.Services.AddSingleton<ICommandValidator<CancelRunCommand>>(sp => sp.GetRequiredService<RunExistsValidator>());
        builder.Services.AddSingleton<ICommandValidator<ImportDatasetCommand>, ImportDatasetValidator>();
        builder.Services.AddSingleton<ICommandValidator<FilterDatasetCommand>, FilterDatasetValidator>();
        return builder;
    }
}
