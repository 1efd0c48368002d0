package app

import (
	"context"
	"fmt"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	"github.com/cosmos/cosmos-sdk/types/module"
	upgradetypes "github.com/cosmos/cosmos-sdk/x/upgrade/types"
)

// Upgrade is one named, governance-scheduled software upgrade: the module
// migrations to run and the stores it adds or removes.
type Upgrade struct {
	Name          string
	StoreUpgrades storetypes.StoreUpgrades
}

// Upgrades lists every upgrade this binary knows how to apply, oldest first.
// Each runs the modules' registered migrations; add store changes here.
var Upgrades = []Upgrade{}

// registerUpgradeHandlers registers Upgrades and, in a node's home, the
// store loader of a pending upgrade. An app with no home (the CLI's
// codec-only app) has no upgrade info to read; reading it would create
// ./data in the working directory.
func (app *SocialApp) registerUpgradeHandlers(homePath string) {
	for _, u := range Upgrades {
		app.UpgradeKeeper.SetUpgradeHandler(u.Name,
			func(ctx context.Context, _ upgradetypes.Plan, fromVM module.VersionMap) (module.VersionMap, error) {
				return app.ModuleManager.RunMigrations(ctx, app.Configurator(), fromVM)
			})
	}

	if homePath == "" {
		return
	}
	info, err := app.UpgradeKeeper.ReadUpgradeInfoFromDisk()
	if err != nil {
		panic(fmt.Errorf("reading upgrade info: %w", err))
	}
	if app.UpgradeKeeper.IsSkipHeight(info.Height) {
		return
	}
	for _, u := range Upgrades {
		if u.Name == info.Name {
			storeUpgrades := u.StoreUpgrades
			app.SetStoreLoader(upgradetypes.UpgradeStoreLoader(info.Height, &storeUpgrades))
		}
	}
}
