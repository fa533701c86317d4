using HosVessel.AppHost.Publishing;
using HosVessel.AppHost.Sqlite;

var builder = DistributedApplication.CreateBuilder(args);

var databasePath = builder.Configuration["HosVessel:DatabasePath"]
    ?? Path.Combine(builder.AppHostDirectory, ".data", "hosvessel.db");

var vessels = builder.AddSqliteDatabase("vessels", databasePath);

builder.AddProject<Projects.HosVessel_Web>("web", launchProfileName: "http")
    .WithReference(vessels)
    .WaitFor(vessels)
    .WithHttpHealthCheck("/health");

builder.AddDeploymentFiles();

using var app = builder.Build();
await app.RunAsync();
return DeploymentFilesStep.ExitCode(app, builder.Configuration);
