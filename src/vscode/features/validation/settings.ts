import * as vscode from 'vscode';
import { normalizeSettings, type ValidationSettings } from '../../../core/rules';

/** Setting names under `postcraft.` (package.json `contributes.configuration`). */
export const ValidationSettingNames = {
  enabled: 'validation.enabled',
  rules: 'validation.rules',
  requiredKeys: 'validation.requiredKeys',
  titleMaxLength: 'validation.seo.titleMaxLength',
  excerptMaxLength: 'validation.seo.excerptMaxLength',
  customTags: 'validation.customTags',
  debounceMs: 'validation.debounceMs',
} as const;

export const VALIDATION_SECTION = 'postcraft.validation';

/** The rules' settings for one document (settings are per resource: a folder may differ). */
export function readValidationSettings(uri: vscode.Uri): { enabled: boolean; debounceMs: number; settings: ValidationSettings } {
  const config = vscode.workspace.getConfiguration('postcraft', uri);
  return {
    enabled: config.get<boolean>(ValidationSettingNames.enabled, true),
    debounceMs: config.get<number>(ValidationSettingNames.debounceMs, 300),
    settings: normalizeSettings({
      rules: config.get(ValidationSettingNames.rules),
      requiredKeys: config.get(ValidationSettingNames.requiredKeys),
      titleMaxLength: config.get(ValidationSettingNames.titleMaxLength),
      excerptMaxLength: config.get(ValidationSettingNames.excerptMaxLength),
      customTags: config.get(ValidationSettingNames.customTags),
    }),
  };
}
