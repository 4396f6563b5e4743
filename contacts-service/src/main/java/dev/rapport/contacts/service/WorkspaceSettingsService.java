package dev.rapport.contacts.service;

import dev.rapport.contacts.config.ContactsConfig;
import dev.rapport.contacts.repository.WorkspaceSettingsRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Optional;

@ApplicationScoped
public class WorkspaceSettingsService {

    @Inject
    WorkspaceSettingsRepository settings;

    @Inject
    ContactsConfig config;

    /** The workspace's own default region, else the service-wide one, else none (numbers need a country code). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> phoneRegion() {
        return settings.defaultPhoneRegion().or(config::defaultPhoneRegion);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> ownPhoneRegion() {
        return settings.defaultPhoneRegion();
    }

    @Transactional
    public void setPhoneRegion(String region) {
        settings.saveDefaultPhoneRegion(region);
    }
}
