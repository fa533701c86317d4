#pragma warning disable ASPIREPIPELINES001
#pragma warning disable ASPIREPIPELINES004

using Aspire.Hosting.Pipelines;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HosVessel.AppHost.Publishing;

/// <summary>
/// The publish step that writes the deployment files into the output path. It runs after Aspire's
/// own <c>publish-manifest</c> step, so one command writes the manifest and everything else.
/// </summary>
public static class DeploymentFilesStep
{
    public const string StepName = "hosvessel-deployment-files";
    private const string ManifestStepName = "publish-manifest";

    /// <summary>The port the web container listens on; the compose file maps the host's HOS_PORT to it.</summary>
    public const int ContainerPort = 5000;

    public static IDistributedApplicationBuilder AddDeploymentFiles(this IDistributedApplicationBuilder builder)
    {
        if (builder.ExecutionContext.IsPublishMode)
        {
            // In run mode DCP picks ports; a container needs a fixed one for the healthcheck and the port mapping.
            foreach (var endpoint in builder.Resources.OfType<ProjectResource>()
                         .SelectMany(p => p.Annotations.OfType<EndpointAnnotation>())
                         .Where(e => e.Name == "http"))
            {
                endpoint.TargetPort = ContainerPort;
            }
        }

        var repositoryRoot = Path.GetDirectoryName(builder.AppHostDirectory.TrimEnd(Path.DirectorySeparatorChar))!;
        builder.Services.AddSingleton<PublishOutcome>();
        builder.Pipeline.AddStep(
            StepName,
            context => WriteAsync(context, repositoryRoot),
            dependsOn: new[] { WellKnownPipelineSteps.PublishPrereq, ManifestStepName },
            requiredBy: WellKnownPipelineSteps.Publish);
        return builder;
    }

    private static async Task WriteAsync(PipelineStepContext context, string repositoryRoot)
    {
        var outputDirectory = Path.GetFullPath(
            context.Services.GetRequiredService<IPipelineOutputService>().GetOutputDirectory());
        Directory.CreateDirectory(outputDirectory);
        var model = await DeploymentModel.ReadAsync(
            context.Model, context.ExecutionContext, repositoryRoot, outputDirectory, context.CancellationToken);

        var files = new (string Name, string Content)[]
        {
            (ComposeFileWriter.FileName, ComposeFileWriter.Write(model)),
            (EnvExampleWriter.FileName, EnvExampleWriter.Write(model)),
            (CaddyFileWriter.FileName, CaddyFileWriter.Write(model)),
            (CaddyRouteWriter.RouteFileName, CaddyRouteWriter.WriteRoute(model)),
            (CaddyRouteWriter.ScriptFileName, CaddyRouteWriter.WriteScript(model)),
            (ComposeFileWriter.ProxyOverlayFileName, ComposeFileWriter.WriteProxyOverlay(model)),
        };
        foreach (var (name, content) in files)
        {
            var path = Path.Combine(outputDirectory, name);
            await File.WriteAllTextAsync(path, content, context.CancellationToken);
            context.Logger.LogInformation("Wrote {Path}", path);
        }
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(outputDirectory, CaddyRouteWriter.ScriptFileName),
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
        context.Services.GetRequiredService<PublishOutcome>().Completed = true;
    }

    /// <summary>
    /// Aspire 13.6 exits 0 even when a publish step failed: the process fails when a publish that should have
    /// run this step ends without the step having reported its completion.
    /// </summary>
    public static int ExitCode(DistributedApplication app, IConfiguration configuration)
    {
        var publishing = string.Equals(configuration["AppHost:Operation"], "publish", StringComparison.OrdinalIgnoreCase);
        var step = configuration["Pipeline:Step"];
        var expectsUs = step is null or WellKnownPipelineSteps.Publish or StepName;
        if (publishing && expectsUs && !app.Services.GetRequiredService<PublishOutcome>().Completed)
        {
            Console.Error.WriteLine($"Publishing failed: the step '{StepName}' did not complete. See the log above.");
            return 1;
        }
        return 0;
    }

    /// <summary>What the step reports back to the process that ran the pipeline.</summary>
    private sealed class PublishOutcome
    {
        public bool Completed { get; set; }
    }
}
