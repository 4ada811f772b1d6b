using ClipHost.Host.Studies;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The application layer: the mediator (source-generated handlers of this assembly) with its validation and logging
/// behaviours, the run store, and what the handlers need (training, evaluation, imports). The CLI's verbs and the
/// service's API and jobs are adapters over these commands.
/// </summary>
public static class CommandExtensions
{
    /// <param name="builder">The host.</param>
    /// <param name="installsPackages">True for the CLI (a person at a shell asked); false for the service: a request never installs software.</param>
    public static IHostApplicationBuilder AddCommands(this IHostApplicationBuilder builder, bool installsPackages = true)
    {
        builder.AddTraining().AddDataImport(installsPackages);
        builder.Services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Singleton;
            // Logging outermost, so refusals are logged too.
            options.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>)];
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<RunStore>();
        // The service replaces this with Hangfire's (AddJobs); the CLI queues nothing.
        builder.Services.TryAddSingleton<IRunJobs, NoRunJobs>();
        builder.Services.AddSingleton<ICommandValidator<CreateRunCommand>, CreateRunValidator>();
        builder.Services.AddSingleton<RunExistsValidator>();
        builder.Services.AddSingleton<ICommandValidator<TrainRunCommand>>(sp => sp.GetRequiredService<RunExistsValidator>());
        builder.Services.AddSingleton<ICommandValidator<EvaluateRunCommand>, EvaluateRunValidator>();
        builder.Services.AddSingleton<ICommandValidator<ExportRunCommand>, ExportRunValidator>();
        builder.Services.AddSingleton<ICommandValidator<EmbedRunCommand>, EmbedRunValidator>();
        builder.Services.AddSingleton<ICommandValidator<SearchRunCommand>, SearchRunValidator>();
        builder.Services.AddSingleton<LoadedCheckpoints>();
        builder.Services.AddSingleton<ICommandValidator<CancelRunCommand>>(sp => sp.GetRequiredService<RunExistsValidator>());
        builder.Services.AddSingleton<ICommandValidator<ImportDatasetCommand>, ImportDatasetValidator>();
        builder.Services.AddSingleton<ICommandValidator<FilterDatasetCommand>, FilterDatasetValidator>();
        builder.Services.AddSingleton<ICommandValidator<CompareRunsCommand>, CompareRunsValidator>();
        builder.Services.AddSingleton<ICommandValidator<PlanSweepCommand>, PlanSweepValidator>();
        builder.Services.AddSingleton<StudyStore>();
        builder.Services.AddSingleton<StudyPrecision>();
        builder.Services.AddSingleton<ClipHost.Host.Dashboard.IStudyViews, StudyViews>();
        builder.Services.AddSingleton<ICommandValidator<StartStudyCommand>, StartStudyValidator>();
        builder.Services.AddSingleton<StudyExistsValidator>();
        builder.Services.AddSingleton<ClipHost.Host.Search.RecipeSearchStore>();
        builder.Services.AddSingleton<ClipHost.Host.Search.RecipeSearchFinisher>();
        builder.Services.AddSingleton<ClipHost.Host.Dashboard.ISearchViews, ClipHost.Host.Search.SearchViews>();
        builder.Services.AddSingleton<ICommandValidator<GetStudyCommand>>(sp => sp.GetRequiredService<StudyExistsValidator>());
        builder.Services.AddSingleton<ICommandValidator<CancelStudyCommand>>(sp => sp.GetRequiredService<StudyExistsValidator>());
        return builder;
    }
}
